import Dispatch
import Synchronization

/// A counting semaphore whose `wait` first spins for a bounded time and only then parks the
/// thread. Hand-offs that recur every few hundred microseconds (rollout inference, environment
/// steps) then cost a cache-line transfer instead of a kernel wake-up, which in a virtual
/// machine can take tens of microseconds; a thread with nothing to do still sleeps.
///
/// The count goes negative while threads are parked (the lightweight-semaphore scheme): a
/// `signal` that finds it negative wakes one parked thread through a `DispatchSemaphore`.
public final class SpinningSemaphore: Sendable {
    private let count = Atomic<Int>(0)
    private let parked = DispatchSemaphore(value: 0)
    /// How long `wait` spins before parking.
    public let spinNanoseconds: UInt64

    public init(spinNanoseconds: UInt64 = SpinningSemaphore.defaultSpinNanoseconds) {
        self.spinNanoseconds = spinNanoseconds
    }

    /// Long enough to cover one rollout inference call of the paper network (about 100 µs per
    /// net), short enough that a thread waiting through a PPO update wastes almost nothing.
    public static let defaultSpinNanoseconds: UInt64 = 250_000

    /// Waiters that gave up spinning and are parked, or about to park: the negative part of
    /// the count. A snapshot for tests and diagnostics; it may change as soon as it is read.
    public var parkedWaiters: Int { max(0, -count.load(ordering: .sequentiallyConsistent)) }

    /// Adds one to the count, waking a parked waiter if there is one.
    public func signal() {
        let old = count.wrappingAdd(1, ordering: .sequentiallyConsistent).oldValue
        if old < 0 { parked.signal() }
    }

    /// Takes one from the count, spinning then parking until that is possible.
    public func wait() {
        if spinNanoseconds > 0 {
            let deadline = DispatchTime.now().uptimeNanoseconds &+ spinNanoseconds
            var spins = 0
            while true {
                let current = count.load(ordering: .relaxed)
                if current > 0 {
                    if count.compareExchange(expected: current, desired: current - 1, ordering: .sequentiallyConsistent).exchanged {
                        return
                    }
                    continue
                }
                spins &+= 1
                // Reading the clock costs about as much as 30 loads; check it now and then.
                if spins & 63 == 0, DispatchTime.now().uptimeNanoseconds >= deadline { break }
            }
        }
        let old = count.wrappingSubtract(1, ordering: .sequentiallyConsistent).oldValue
        if old <= 0 { parked.wait() }
    }
}
