import Foundation

/// Runs a child process to completion for a test (the real `dratsd`, or python3 as an
/// independent reader of our files) and collects its exit status and output.
public enum ChildProcess {
    /// What a finished child process returned.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Whether the child was killed for outliving `run`'s `killAfter` deadline.
        public var timedOut: Bool

        public init(status: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.timedOut = timedOut
        }
    }

    /// A python3 run that exited non-zero; says how to install what the interop tests need.
    public struct PythonFailure: Error, CustomStringConvertible {
        public var status: Int32
        public var stderr: String
        public var description: String {
            "python3 exited with \(status) (run `make deps` to install safetensors and numpy):\n\(stderr)"
        }
    }

    /// Runs `executable` with `arguments` and waits for it to exit. With `stdin`, the child reads
    /// that text and then end of file; without, it inherits the test's standard input. With
    /// `killAfter`, a child still running that many seconds after it started is killed
    /// (SIGKILL) and the output says `timedOut`.
    public static func run(
        _ executable: URL, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil,
        killAfter seconds: Double? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        if stdin != nil { process.standardInput = input }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let killed = KillFlag()
        let deadline = DispatchWorkItem { [pid = process.processIdentifier] in
            killed.set()
            kill(pid, SIGKILL)
        }
        if let seconds { DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: deadline) }
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a chatty child never blocks on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        deadline.cancel()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self),
            timedOut: killed.isSet
        )
    }

    /// Set once by the deadline's thread, read by the waiting one.
    private final class KillFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    /// Runs `python3 -c script arguments...` (found on PATH) whatever its exit status.
    public static func python(_ script: String, _ arguments: [String] = []) throws -> Output {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
    }

    /// Runs `python3 -c script arguments...` and returns its standard output; throws
    /// `PythonFailure`, with the script's stderr, when it exits non-zero.
    public static func pythonOutput(_ script: String, _ arguments: [String] = []) throws -> String {
        let result = try python(script, arguments)
        guard result.status == 0 else { throw PythonFailure(status: result.status, stderr: result.stderr) }
        return result.stdout
    }
}
