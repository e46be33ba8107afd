#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything that can go wrong in the daemon's store, run folders and systemd link, each case
/// naming the path, run or value involved and what the user can do about it.
public enum DaemonError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The state directory cannot be created or written.
    case stateDirectoryUnusable(path: String, reason: String)
    /// No run has this id or id prefix.
    case unknownRun(query: String)
    /// More than one run (or sweep) id starts with this prefix.
    case ambiguousRunPrefix(prefix: String, matches: [String])
    /// No sweep has this id or id prefix.
    case unknownSweep(query: String)
    /// A Slurm run's folder is being trained by another live task (`holder`).
    case runHeldElsewhere(runID: String, holder: String)
    /// A run cannot go from its current state to the requested one.
    case illegalTransition(runID: String, from: RunState, to: RunState)
    /// A service tried to update a run it no longer owns (another service recovered it).
    case leaseLost(runID: String, state: RunState)
    /// A field the store was given is out of range.
    case invalidField(field: String, value: String, allowed: String)
    /// The device holding `path` has no space left; the previous file content is intact.
    case diskFull(path: String)
    /// A system call on `path` failed.
    case io(path: String, operation: String, errno: Int32)
    /// The SQLite database failed.
    case database(path: String, message: String)
    /// A line handed to a line writer contains a newline, which would split the record.
    case lineContainsNewline(path: String)
    /// `$NOTIFY_SOCKET` or the watchdog variables set by systemd cannot be used.
    case systemdNotify(detail: String)
    /// A part of a run folder is not what dratsd created (a symbolic link, another kind of file,
    /// another user's), so the run is not trained into it.
    case unsafeRunFolder(runID: String, path: String, reason: String)

    public var description: String {
        switch self {
        case let .stateDirectoryUnusable(path, reason):
            return "state directory \(path) is unusable: \(reason). "
                + "Pass --state-dir or set DRATSD_STATE_DIR to a directory you can write, "
                + "or fix the ownership and permissions of \(path)."
        case let .unknownRun(query):
            return "no run has the id or id prefix '\(query)'; `dratsd list` shows the run ids."
        case let .ambiguousRunPrefix(prefix, matches):
            let what = matches.first?.hasPrefix("s-") == true ? "sweeps" : "runs"
            return "the prefix '\(prefix)' matches \(matches.count) \(what) (\(matches.joined(separator: ", "))); "
                + "give more characters of the id."
        case let .runHeldElsewhere(runID, holder):
            return "run \(runID) is being trained by \(holder), which is still running; this task leaves it alone "
                + "(resubmit only the array indices whose runs need it: sbatch --array=<index> job.sbatch)."
        case let .unknownSweep(query):
            return "no sweep has the id or id prefix '\(query)'; `dratsd list --sweeps` shows the sweep ids."
        case let .illegalTransition(runID, from, to):
            if from.allowedNextStates.contains(to) {
                // Only `resume` refuses a move the state machine allows: running -> queued.
                return "run \(runID) cannot go from \(from) to \(to) by resume; "
                    + "only failed, paused or cancelled runs can be resumed."
            }
            return "run \(runID) cannot go from \(from) to \(to); "
                + "from \(from) it can go to: \(from.allowedNextStates.map(\.rawValue).sorted().joined(separator: ", ").orNone)."
        case let .leaseLost(runID, state):
            return "run \(runID) is no longer owned by this service (it is \(state)); "
                + "another service instance recovered it, so this one must stop working on it."
        case let .invalidField(field, value, allowed):
            return "\(field) = \(value) is out of range; allowed: \(allowed)."
        case let .diskFull(path):
            return "no space left on the device holding \(path); the previous file is intact. "
                + "Free disk space, then resume the run with `dratsd resume`."
        case let .io(path, operation, code):
            return "\(operation) \(path) failed: \(String(cString: strerror(code))) (errno \(code))."
        case let .database(path, message):
            return "run database \(path): \(message). Check that the file is an SQLite database "
                + "written by dratsd and that this user can read and write it and its directory."
        case let .lineContainsNewline(path):
            return "a line written to \(path) contains a newline; each record must be one line."
        case let .systemdNotify(detail):
            return "systemd notification: \(detail)."
        case let .unsafeRunFolder(runID, path, reason):
            return "run \(runID): \(path) \(reason), so dratsd did not create it and will not write through it. "
                + "Move it out of the run folder (keep what you need), then `dratsd resume \(runID)`."
        }
    }
}

extension String {
    fileprivate var orNone: String { isEmpty ? "none (it is final)" : self }
}
