/// When a periodic duty (watchdog keep-alive, lease heartbeat, queue poll) is next due. The
/// service loop asks every schedule how long it may sleep, so none of them is ever late by more
/// than the loop's own work.
public struct PeriodicSchedule: Sendable, Equatable {
    /// Time between two runs of the duty.
    public let interval: Duration
    /// When it is next due.
    public private(set) var nextDue: ContinuousClock.Instant

    /// A duty due at once (at `start`) and every `interval` after it was last done.
    public init(interval: Duration, start: ContinuousClock.Instant) {
        self.interval = interval
        nextDue = start
    }

    /// Whether the duty is due at `now`.
    public func isDue(at now: ContinuousClock.Instant) -> Bool { now >= nextDue }

    /// Records that the duty was done at `now`; it is next due one interval later. Counting
    /// from when it was done, not from when it was due, means a late loop never fires a burst.
    public mutating func markDone(at now: ContinuousClock.Instant) {
        nextDue = now + interval
    }

    /// Makes the duty due at `now` (e.g. poll the queue at once when a run finished).
    public mutating func makeDue(at now: ContinuousClock.Instant) {
        nextDue = min(nextDue, now)
    }

    /// How long until it is due (zero when overdue).
    public func timeUntilDue(from now: ContinuousClock.Instant) -> Duration {
        max(.zero, nextDue - now)
    }
}
