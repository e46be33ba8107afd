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
