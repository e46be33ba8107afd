import ChildProcess
import Foundation

/// Locates and runs the `dratsd` executable built alongside the tests.
enum DratsdBinary {
    typealias Result = ChildProcess.Output

    /// The build products folder: the test bundle lives there, and so does `dratsd`.
    static var url: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("dratsd").path) {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("dratsd")
    }

    /// Runs `dratsd` with `arguments`, feeding `stdin`, and waits for it to exit.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String]? = nil) throws -> Result {
        try ChildProcess.run(url, arguments, stdin: stdin, environment: environment)
    }
}

extension DratsdBinary {
    static let setpriv = "/usr/bin/setpriv"
    /// Whether tests can run `dratsd` as another user: root, with util-linux's setpriv.
    static var canRunAsAnotherUser: Bool { geteuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv) }

    /// Runs a copy of `dratsd` as uid/gid `id` with no supplementary groups. The copy lives in a
    /// folder every user may enter, since the build folder of a clone may not be.
    static func runAsUser(_ id: UInt32, _ arguments: [String]) throws -> Result {
        var template = Array("/tmp/drats-bin-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let folder = made.map({ String(cString: $0) }) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder, 0o755)
        let copy = folder + "/dratsd"
        try FileManager.default.copyItem(atPath: url.path, toPath: copy)
        chmod(copy, 0o755)
        return try ChildProcess.run(URL(fileURLWithPath: setpriv), ["--reuid=\(id)", "--regid=\(id)", "--clear-groups", copy] + arguments)
    }
}
