#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Daemon
import FileIO
import RunConfiguration
import SafeTensors
import Trainer

/// Why a run could not be built, trained, checkpointed or evaluated, with what to do.
public enum RunExecutionError: Error, CustomStringConvertible {
    /// The run's stored config does not load or cannot be trained by this build.
    case config(RunConfigError)
    /// The trainer failed (a broken simulation, a bad learner state).
    case trainer(TrainerError)
    /// The simulated environments cannot be built.
    case environment(String)
    /// The run store or a run-folder file failed.
    case daemon(DaemonError)
    /// Writing `path` ran out of space (ENOSPC or EDQUOT); the previous file is intact.
    case diskFull(path: String)
    /// A checkpoint file cannot be written or read.
    case checkpoint(path: String, reason: String)
    /// The run has no checkpoint that can be read.
    case noCheckpoint(runID: String, folder: String)
    /// The run is not running under the caller, so the caller must not train it.
    case notOwned(runID: String, state: RunState)

    public var description: String {
        switch self {
        case .config(let error):
            if case .exceedsMemory = error { error.description + " Then `dratsd resume` the run." } else { error.description }
        case .trainer(let error): error.description
        case .environment(let detail): "cannot build the environments: \(detail)"
        case .daemon(let error): error.description
        case .diskFull(let path):
            "no space left on the device writing \(path); the last good checkpoint is intact. Free disk space, then `dratsd resume` the run."
        case let .checkpoint(path, reason): "checkpoint \(path): \(reason)"
        case let .noCheckpoint(runID, folder):
            "run \(runID) has no readable checkpoint in \(folder)/checkpoints; it writes one every checkpoint.everyIterations iterations"
        case let .notOwned(runID, state):
            "run \(runID) is \(state) and not running under this process; only its owner may train it"
        }
    }

    /// A fault of the run that a restart from its newest checkpoint may get past.
    var isFault: Bool {
        if case .trainer(.nonFiniteLoss) = self { return true }
        return false
    }

    /// A full disk, whatever layer reported it.
    static func classify(_ error: DaemonError) -> RunExecutionError {
        if case .diskFull(let path) = error { return .diskFull(path: path) }
        return .daemon(error)
    }

    /// A checkpoint write failure, with ENOSPC/EDQUOT reported as a full disk.
    static func classify(_ error: any Error, writing path: String) -> RunExecutionError {
        if let error = error as? SafeTensorsError, case let .writeFailed(_, _, code, _) = error, FileIOError.meansDiskFull(code) {
            return .diskFull(path: path)
        }
        return .checkpoint(path: path, reason: String(describing: error))
    }
}
