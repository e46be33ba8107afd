import Daemon
import Foundation
import TestScratch

extension TestScratch {
    /// Where the tests put the run database.
    var databasePath: String { path + "/dratsd.sqlite" }
}

func sampleSubmission(_ name: String = "quick", totalEnvSteps: Int64 = 1000) -> RunSubmission {
    RunSubmission(name: name, configText: "name: \(name)\nseed: 3\n", samplerName: "drats", seed: 3, totalEnvSteps: totalEnvSteps)
}

func owner(_ token: String, pid: Int32 = getpid()) -> RunOwner {
    RunOwner(pid: pid, bootID: RunOwner.currentBootID(), leaseToken: token)
}

/// The `DaemonTestWorker` executable built beside the test bundle.
enum Worker {
    static var url: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: dir.appendingPathComponent("DaemonTestWorker").path) {
            dir.deleteLastPathComponent()
        }
        return dir.appendingPathComponent("DaemonTestWorker")
    }

    /// Starts the worker with `arguments`; its stdout is readable line by line.
    static func start(_ arguments: [String]) throws -> (process: Process, output: LineStream) {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        return (process, LineStream(handle: output.fileHandleForReading))
    }

    /// Runs the worker to completion and returns its stdout lines.
    static func run(_ arguments: [String]) throws -> (status: Int32, lines: [String]) {
        let (process, output) = try start(arguments)
        var lines: [String] = []
        while let line = output.nextLine() { lines.append(line) }
        process.waitUntilExit()
        return (process.terminationStatus, lines)
    }
}

/// Reads a pipe one line at a time (blocking).
final class LineStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(handle: FileHandle) { self.handle = handle }

    /// The next line, or nil at end of file.
    func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let data = handle.availableData
            if data.isEmpty { return nil }
            buffer.append(contentsOf: data)
        }
    }
}

/// Sends SIGKILL to `process` and waits for it (a no-op once it has exited). Tests `defer` it
/// right after starting a worker, so a failing test never leaves one running.
func killHard(_ process: Process) {
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
}
