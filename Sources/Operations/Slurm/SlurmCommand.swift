import Foundation

/// Runs Slurm's client programs (`sbatch`, `squeue`, `scancel`, `scontrol`) as child processes.
/// They talk TCP to slurmctld, which is why Slurm work happens in the CLI and in the array
/// tasks, never inside `dratsd serve` (its systemd unit has `PrivateNetwork=yes`).
public enum SlurmCommand {
    /// What one call printed and how it ended.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// A Slurm program failed or is not installed.
    public struct Failure: Error, CustomStringConvertible {
        public var command: [String]
        public var detail: String
        public var description: String {
            "`\(command.joined(separator: " "))` failed: \(detail.trimmingCharacters(in: .whitespacesAndNewlines))"
        }
    }

    /// Runs `program` (looked up on PATH, then in /usr/bin) with `arguments` and waits for it,
    /// at most `timeoutSeconds` (then it is killed and the call fails): a controller that does
    /// not answer must not hang `list` or `show`.
    public static func run(_ program: String, _ arguments: [String], timeoutSeconds: Double = 30) throws(Failure) -> Output {
        let command = [program] + arguments
        guard let path = locate(program) else {
            throw Failure(command: command, detail: "\(program) is not installed or not on PATH (Slurm's client commands are in Debian's slurm-client)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(command: command, detail: "\(error)") }
        let deadline = DispatchWorkItem { [pid = process.processIdentifier] in kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeoutSeconds, execute: deadline)
        // Read both pipes to the end before waiting, so a chatty program cannot block on a full pipe.
        let stderrBytes = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrBytes.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutBytes = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        deadline.cancel()
        if process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGKILL {
            throw Failure(command: command, detail: "no answer within \(Int(timeoutSeconds)) s (is slurmctld reachable?)")
        }
        return Output(status: process.terminationStatus, stdout: String(decoding: stdoutBytes, as: UTF8.self),
                      stderr: String(decoding: stderrBytes.data, as: UTF8.self))
    }

    /// Runs it and returns its stdout, or throws with its stderr when it exits non-zero.
    public static func checked(_ program: String, _ arguments: [String]) throws(Failure) -> String {
        let output = try run(program, arguments)
        guard output.status == 0 else {
            throw Failure(command: [program] + arguments, detail: "exit status \(output.status): \(output.stderr)")
        }
        return output.stdout
    }

    /// Whether a Slurm controller answers (`sinfo` exits 0).
    public static var clusterAnswers: Bool { (try? run("sinfo", ["-h", "-o", "%T"]))?.status == 0 }

    /// Bytes one reader thread fills while another waits on the group (which orders the access).
    private final class Collected: @unchecked Sendable { var data = Data() }

    private static func locate(_ program: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return directories.map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
