import Foundation

/// Events handed to the service loop by run threads and signal sources. The loop sleeps in
/// `wait(timeout:)` until an event arrives or its next periodic duty is due, so a finished run
/// or a SIGTERM is handled at once, not at the next poll.
final class Mailbox<Event: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [Event] = []
    private var blocked = 0

    /// Threads blocked in `wait` with nothing pending (between their lock releases inside the
    /// condition wait): a `post` now reaches them only through the wake-up. For tests.
    var blockedWaiters: Int {
        condition.lock()
        defer { condition.unlock() }
        return blocked
    }

    /// Adds `event` and wakes the waiting loop.
    func post(_ event: Event) {
        condition.lock()
        pending.append(event)
        condition.signal()
        condition.unlock()
    }

    /// Every pending event in posting order, waiting up to `timeout` for the first one; empty
    /// when none arrived in time.
    func wait(timeout: Duration) -> [Event] {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
        let deadline = Date(timeIntervalSinceNow: max(0, seconds))
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty {
            blocked += 1
            let signalled = condition.wait(until: deadline)
            blocked -= 1
            if !signalled { break }
        }
        let events = pending
        pending.removeAll()
        return events
    }
}
