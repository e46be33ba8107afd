import Foundation
import Synchronization
import Testing
import WorkerThreads

/// An atomic counter threads can share (an `Atomic` itself cannot be captured).
final class SharedCount: Sendable {
    private let value = Atomic<Int>(0)
    func add() { value.wrappingAdd(1, ordering: .sequentiallyConsistent) }
    var current: Int { value.load(ordering: .sequentiallyConsistent) }
}

/// Polls `condition` every millisecond for up to `seconds`; whether it became true. The
/// deadline is generous: it only bounds how long a broken test hangs.
func waitUntil(seconds: Double = 30, _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        usleep(1_000)
    }
    return condition()
}

@Suite struct SpinningSemaphoreTests {
    /// Every signal lets exactly one wait through, whether the waiter spins or parks.
    @Test(arguments: [0, 1_000, 250_000] as [UInt64])
    func everySignalReleasesExactlyOneWait(spinNanoseconds: UInt64) {
        let items = SpinningSemaphore(spinNanoseconds: spinNanoseconds)
        let finished = DispatchSemaphore(value: 0)
        let taken = SharedCount()
        let consumers = 3, perConsumer = 2_000
        for _ in 0..<consumers {
            Thread {
                for _ in 0..<perConsumer {
                    items.wait()
                    taken.add()
                }
                finished.signal()
            }.start()
        }
        for index in 0..<(consumers * perConsumer) {
            items.signal()
            if index % 97 == 0 { usleep(50) }   // let some waiters give up spinning and park
        }
        for _ in 0..<consumers { finished.wait() }
        #expect(taken.current == consumers * perConsumer)
    }

    /// A wait with nothing signalled does not return until a signal comes, also after its spin.
    @Test func waitBlocksUntilSignalled() {
        let gate = SpinningSemaphore(spinNanoseconds: 1_000)
        let passed = SharedCount()
        let finished = DispatchSemaphore(value: 0)
        Thread {
            gate.wait()
            passed.add()
            finished.signal()
        }.start()
        // The waiter's spin ends with nothing to take and it parks: only a signal lets it on.
        #expect(waitUntil { gate.parkedWaiters == 1 }, "the waiter never parked")
        #expect(passed.current == 0)
        gate.signal()
        #expect(finished.wait(timeout: .now() + 30) == .success)
        #expect(passed.current == 1)
        #expect(gate.parkedWaiters == 0)
    }

    /// Signals given before any wait are kept, like a counting semaphore's.
    @Test func signalsBeforeWaitsAreCounted() {
        let gate = SpinningSemaphore(spinNanoseconds: 0)
        for _ in 0..<3 { gate.signal() }
        for _ in 0..<3 { gate.wait() }   // would hang if a signal were lost
    }
}
