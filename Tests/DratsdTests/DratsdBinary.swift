import Foundation

/// Locates and runs the `dratsd` executable built alongside the tests.
enum DratsdBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

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
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let environment { process.environment = environment }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}
