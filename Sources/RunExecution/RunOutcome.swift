import Daemon

/// How `RunExecutor.execute` left a run; the store already holds the matching state.
public enum RunOutcome: Sendable, Equatable, CustomStringConvertible {
    /// The step budget is spent (state `completed`).
    case completed
    /// Stopped for a service shutdown, checkpointed, back in the queue (state `queued`).
    case requeued
    /// Stopped without a fault of the run (Ctrl-C of `dratsd train`, a full disk); state
    /// `paused`, `dratsd resume` continues it.
    case paused(reason: String)
    /// Stopped by an error or repeated faults (state `failed`, the reason shown by `show`).
    case failed(reason: String)
    /// Cancelled by the user (state `cancelled`).
    case cancelled

    /// The run state this outcome leaves in the store.
    public var state: RunState {
        switch self {
        case .completed: .completed
        case .requeued: .queued
        case .paused: .paused
        case .failed: .failed
        case .cancelled: .cancelled
        }
    }

    /// The reason of a paused or failed run.
    public var reason: String? {
        switch self {
        case .paused(let reason), .failed(let reason): reason
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .completed: "completed"
        case .requeued: "requeued"
        case .paused(let reason): "paused: \(reason)"
        case .failed(let reason): "failed: \(reason)"
        case .cancelled: "cancelled"
        }
    }
}
