import Daemon

/// Why a report could not be made, with what to do about it.
public enum ReportingError: Error, CustomStringConvertible, Equatable {
    /// No run was named, or none of them has an evaluation yet.
    case noRuns(reason: String)
    /// A run's files could not be read.
    case unreadableRun(runID: String, reason: String)
    /// An option is out of range.
    case invalidOption(name: String, value: String, allowed: String)
    /// Writing an output file failed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .noRuns(reason):
            "nothing to report: \(reason)"
        case let .unreadableRun(runID, reason):
            "cannot read run \(runID): \(reason)"
        case let .invalidOption(name, value, allowed):
            "\(name) is \(value); it must be \(allowed)"
        case let .cannotWrite(path, reason):
            "cannot write \(path): \(reason); check that the output directory is writable and the disk has space"
        }
    }
}
