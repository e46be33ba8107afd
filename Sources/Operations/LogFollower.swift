#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Daemon
import FileIO
import Foundation

/// `dratsd logs`: prints a run's `train.log`, and with `follow` keeps printing new complete
/// lines until the run stops (any state but queued or running).
public enum LogFollower {
    /// Prints the complete lines of the log of `runID` through `emit`.
    ///
    /// - Returns: whether the log exists (a queued run has none yet).
    @discardableResult
    public static func run(_ runID: String, stateDirectory: StateDirectory, records: any RunLedger, follow: Bool,
                           pollSeconds: Double = 0.5, emit: (String) -> Void) throws(DaemonError) -> Bool {
        let path = try RunFolder(stateDirectory: stateDirectory, runID: runID).trainLogPath
        var offset: Int64 = 0
        var sawFile = false
        while true {
            // Read the state before the file: lines written before the run stopped are then
            // guaranteed to be in this read, so nothing is lost after the last poll.
            let state = follow ? try records.currentRecord(of: runID).state : .completed
            if let (lines, next) = try readIfPresent(path, from: offset) {
                sawFile = true
                for line in lines { emit(line) }
                offset = next
            }
            if state != .queued && state != .running { return sawFile }
            usleep(useconds_t(pollSeconds * 1_000_000))
        }
    }

    private static func readIfPresent(_ path: String, from offset: Int64) throws(DaemonError) -> ([String], Int64)? {
        do {
            return try DaemonError.mapping { () throws(FileIOError) in try LineReader.completeLines(path: path, from: offset) }
        } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return nil }
            throw error
        }
    }
}
