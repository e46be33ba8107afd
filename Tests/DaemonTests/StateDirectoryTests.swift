@testable import Daemon
import Foundation
import Testing
import TestScratch

@Suite struct StateDirectoryTests {
    @Test func resolutionOrder() throws {
        let env = ["DRATSD_STATE_DIR": "/srv/env", "XDG_STATE_HOME": "/home/u/.xdg", "HOME": "/home/u"]
        #expect(try StateDirectory.resolvePath(flag: "/srv/flag", environment: env, userID: 1000) == "/srv/flag")
        #expect(try StateDirectory.resolvePath(flag: nil, environment: env, userID: 1000) == "/srv/env")
        #expect(try StateDirectory.resolvePath(flag: nil, environment: env, userID: 0) == "/srv/env")
        var noOverride = env
        noOverride["DRATSD_STATE_DIR"] = nil
        #expect(try StateDirectory.resolvePath(flag: nil, environment: noOverride, userID: 0) == "/var/lib/dratsd")
        #expect(try StateDirectory.resolvePath(flag: nil, environment: noOverride, userID: 1000) == "/home/u/.xdg/dratsd")
        noOverride["XDG_STATE_HOME"] = "relative/xdg"  // invalid per the XDG spec: ignored
        #expect(try StateDirectory.resolvePath(flag: nil, environment: noOverride, userID: 1000) == "/home/u/.local/state/dratsd")
        #expect(try StateDirectory.resolvePath(flag: nil, environment: ["DRATSD_STATE_DIR": ""], userID: 0) == "/var/lib/dratsd")
    }

    @Test func missingHomeAndEmptyFlagAreErrors() {
        #expect(throws: DaemonError.self) { try StateDirectory.resolvePath(flag: nil, environment: [:], userID: 1000) }
        #expect(throws: DaemonError.self) { try StateDirectory.resolvePath(flag: "", environment: [:], userID: 1000) }
    }

    @Test func prepareCreatesPrivateDirectoriesWhateverTheUmask() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let oldMask = umask(0o077)
        defer { umask(oldMask) }
        let user = try StateDirectory.prepare(flag: temp.path + "/a/b/state", environment: [:], userID: 1000)
        #expect(mode(of: user.url.path) == 0o700)
        #expect(mode(of: user.runsURL.path) == 0o700)
        #expect(mode(of: temp.path + "/a") == 0o700)
        let system = try StateDirectory.prepare(flag: temp.path + "/system", environment: [:], userID: 0)
        #expect(mode(of: system.url.path) == 0o750)
        #expect(system.databaseURL.path == temp.path + "/system/dratsd.sqlite")
        // A second prepare of an existing directory is fine and leaves no probe file behind.
        _ = try StateDirectory.prepare(flag: temp.path + "/system", environment: [:], userID: 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: system.url.path) == ["runs"])
    }

    @Test func aFileInTheWayIsAClearError() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let path = temp.path + "/state"
        _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        do {
            _ = try StateDirectory.prepare(flag: path, environment: [:], userID: 1000)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(path))
            #expect(error.description.contains("not a directory"))
            #expect(error.description.contains("--state-dir"))
            #expect(error.description.contains("DRATSD_STATE_DIR"))
        }
    }

    @Test func anUncreatableDirectoryIsAClearError() {
        do {
            _ = try StateDirectory.prepare(flag: "/proc/self/dratsd-state", environment: [:], userID: 1000)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("/proc/self/dratsd-state"))
            #expect(error.description.contains("cannot create it"))
        }
    }

    private func mode(of path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }
}

/// State directories someone else could change, refused as sshd's StrictModes refuses such home
/// directories: anyone who can write one can plant links there that the service then follows.
extension StateDirectoryTests {
    @Test(arguments: [UInt32(0), 1000])
    func aWorldWritableStateDirectoryIsRefused(userID: UInt32) throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let path = temp.path + "/state"
        #expect(mkdir(path, 0o700) == 0 && chmod(path, 0o777) == 0)
        do {
            _ = try StateDirectory.prepare(flag: path, environment: [:], userID: userID)
            Issue.record("a world-writable state directory must be refused")
        } catch {
            #expect(error.description.contains("every user can write in it (mode 777)"), "\(error)")
            #expect(error.description.contains("chmod o-w \(path)"))
        }
        #expect(!FileManager.default.fileExists(atPath: path + "/runs"), "nothing is created in it")
    }

    @Test(.enabled(if: geteuid() == 0, "changing a directory's owner needs root"))
    func aForeignOwnedOrForeignGroupWritableDirectoryIsRefusedToOtherUsers() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let path = temp.path + "/state"
        #expect(mkdir(path, 0o755) == 0 && chown(path, 4242, 4242) == 0)
        #expect(throws: DaemonError.stateDirectoryUnusable(
            path: path, reason: "it belongs to uid 4242, not to this user (uid 1000) or root; use your own --state-dir, or run dratsd as its owner")) {
            try StateDirectory.prepare(flag: path, environment: [:], userID: 1000)
        }
        // Its owner may use it, and so may root (the service's directory belongs to user dratsd).
        _ = try StateDirectory.prepare(flag: path, environment: [:], userID: 4242)
        _ = try StateDirectory.prepare(flag: path, environment: [:], userID: 0)

        let shared = temp.path + "/shared"
        #expect(mkdir(shared, 0o700) == 0 && chown(shared, 0, 4242) == 0 && chmod(shared, 0o770) == 0)
        do {
            _ = try StateDirectory.prepare(flag: shared, environment: [:], userID: 1000)
            Issue.record("a directory writable by a group this user is not in must be refused")
        } catch {
            #expect(error.description.contains("group 4242 can write in it (mode 770)"), "\(error)")
        }
    }

    @Test func aSymlinkedRunsFolderIsRefused() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let path = temp.path + "/state"
        #expect(mkdir(path, 0o700) == 0 && mkdir(temp.path + "/elsewhere", 0o700) == 0)
        try FileManager.default.createSymbolicLink(atPath: path + "/runs", withDestinationPath: temp.path + "/elsewhere")
        #expect(throws: DaemonError.self) { try StateDirectory.prepare(flag: path, environment: [:]) }
    }
}
