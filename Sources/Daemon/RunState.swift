/// Where a run is in its life. The store only moves runs along `allowedNextStates`.
public enum RunState: String, Codable, CaseIterable, Sendable, CustomStringConvertible {
    /// Waiting for a service slot (new, resumed, or recovered after a crash).
    case queued
    /// Claimed by a service that is training it.
    case running
    /// Stopped by the service without a fault of the run (e.g. a full disk); `resume` requeues it.
    case paused
    /// Reached its step budget.
    case completed
    /// Stopped after repeated faults; the reason is in `failureReason`.
    case failed
    /// Cancelled by the user.
    case cancelled

    public var description: String { rawValue }

    /// The states a run may move to from this one.
    ///
    /// `running → queued` is how an interrupted run (shutdown or orphan recovery) gets back in
    /// line; `completed` is final because its budget is spent.
    public var allowedNextStates: Set<RunState> {
        switch self {
        case .queued: [.running, .cancelled]
        case .running: [.queued, .paused, .completed, .failed, .cancelled]
        case .paused: [.queued, .cancelled]
        case .failed: [.queued]
        case .cancelled: [.queued]
        case .completed: []
        }
    }

    /// Whether `resume` may put the run back in the queue.
    public var isResumable: Bool { self == .failed || self == .paused || self == .cancelled }

    /// Whether the run has stopped for good unless resumed.
    public var isFinished: Bool { self == .completed || self == .failed || self == .cancelled }
}
