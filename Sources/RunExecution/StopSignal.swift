import Foundation

/// Why a run is asked to stop before its budget is spent.
public enum StopReason: Sendable, Equatable {
    /// The service is stopping: checkpoint now; the run goes back to `queued` and resumes at the
    /// service's next start.
    case shutdown
    /// Ctrl-C or SIGTERM of a foreground `dratsd train`: checkpoint; the run goes to `paused`
    /// (`dratsd resume` requeues it for the service).
    case interrupted
}

/// A stop request handed from whoever decides (a signal source, the service) to a run's
/// executor, which looks at it after every iteration. Thread-safe; the first request wins, so
/// a later Ctrl-C cannot turn a shutdown into an interruption.
public final class StopSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var requested: StopReason?

    public init() {}

    /// Asks the run to stop after its current iteration; ignored when a stop was already asked.
    public func request(_ reason: StopReason) {
        condition.lock()
        defer { condition.unlock() }
        if requested == nil { requested = reason }
        condition.broadcast()
    }

    /// The first reason requested, or nil while the run may continue.
    public var reason: StopReason? {
        condition.lock()
        defer { condition.unlock() }
        return requested
    }

    /// Waits until a stop is requested or `seconds` pass; returns the reason, if any.
    public func wait(seconds: Double) -> StopReason? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while requested == nil, condition.wait(until: deadline) {}
        return requested
    }
}
