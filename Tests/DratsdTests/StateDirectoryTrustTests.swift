import ChildProcess
import Foundation
import Testing

/// `dratsd` run as another user (setpriv) against a state directory it does not own or that
/// everyone can write (someone could plant links in it): refused with the reason and the fix,
/// nothing created.
@Suite struct StateDirectoryTrustTests {
    /// Runs `dratsd list --state-dir path` as uid/gid 65534 (nobody), with no supplementary groups.
    func listAsNobody(_ path: String) throws -> ChildProcess.Output {
        try DratsdBinary.runAsUser(65534, ["list", "--state-dir", path])
    }

    @Test(.enabled(if: DratsdBinary.canRunAsAnotherUser, "acting as another user needs root and setpriv"))
    func anotherUsersStateDirectoryIsRefused() throws {
        var template = Array("/tmp/drats-trust-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        let root = try #require(made.map { String(cString: $0) })
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(chmod(root, 0o755) == 0)

        let foreign = root + "/foreign"
        #expect(mkdir(foreign, 0o755) == 0 && chown(foreign, 4242, 4242) == 0)
        let refused = try listAsNobody(foreign)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("\(foreign)") && refused.stderr.contains("belongs to uid 4242, not to this user (uid 65534)"), "\(refused.stderr)")

        let open = root + "/open"
        #expect(mkdir(open, 0o700) == 0 && chown(open, 65534, 65534) == 0 && chmod(open, 0o777) == 0)
        let worldWritable = try listAsNobody(open)
        #expect(worldWritable.status != 0)
        #expect(worldWritable.stderr.contains("every user can write in it (mode 777)") && worldWritable.stderr.contains("chmod o-w \(open)"),
                "\(worldWritable.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: open).isEmpty, "no database or runs/ was created")

        // Its own directory is fine.
        let own = root + "/own"
        #expect(mkdir(own, 0o700) == 0 && chown(own, 65534, 65534) == 0)
        let listed = try listAsNobody(own)
        #expect(listed.status == 0, "\(listed.stderr)")
    }
}
