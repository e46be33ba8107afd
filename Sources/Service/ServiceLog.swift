import Daemon
import FileIO
import Foundation

/// The service's log: one line per event on stderr, which journald stores under the unit with a
/// timestamp. When systemd gives the unit a logs directory (`LogsDirectory=dratsd` sets
/// `$LOGS_DIRECTORY`), each event is also appended, with a UTC timestamp, to `serve.log` there,
/// for machines that keep no persistent journal. Lines from run threads and the loop never
/// interleave.
public final class ServiceLog: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private var file: LineAppender?

    /// Writes to stderr and, when `environment` has `LOGS_DIRECTORY`, to `serve.log` in it.
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init { line in FileHandle.standardError.write(Data(line.utf8)) }
        if let directory = environment["LOGS_DIRECTORY"]?.split(separator: ":").first, !directory.isEmpty {
            let path = String(directory) + "/serve.log"
            do {
                file = try LineAppender(path: path)
            } catch {
                event("not logging to \(path): \(DaemonError(error))")
            }
        }
    }

    /// Writes each line (with its newline) through `write` only.
    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Logs one event; newlines inside `message` become spaces so the event stays one line.
    public func event(_ message: String) {
        let text = "dratsd serve: " + message.replacingOccurrences(of: "\n", with: " ")
        lock.lock()
        defer { lock.unlock() }
        write(text + "\n")
        guard let file else { return }
        do {
            try file.append(Date().formatted(.iso8601) + " " + text)
        } catch {
            // A full disk must not stop training: journald still gets every line.
            self.file = nil
            write("dratsd serve: stopped logging to \(file.path): \(DaemonError(error))\n")
        }
    }
}
