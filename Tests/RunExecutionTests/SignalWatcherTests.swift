import Foundation
import RunExecution
import Testing

@Suite struct SignalWatcherTests {
    /// A real signal sent to this process arrives as a call on the watcher's queue instead of
    /// running its default action (which for SIGUSR2 would end the test process).
    @Test func aSignalToTheProcessReachesTheHandler() {
        let received = DispatchSemaphore(value: 0)
        let lock = NSLock()
        nonisolated(unsafe) var signals: [Int32] = []
        let watcher = SignalWatcher(signals: [SIGUSR2]) { signal in
            lock.withLock { signals.append(signal) }
            received.signal()
        }
        defer { watcher.cancel() }
        kill(getpid(), SIGUSR2)
        #expect(received.wait(timeout: .now() + 10) == .success)
        kill(getpid(), SIGUSR2)
        #expect(received.wait(timeout: .now() + 10) == .success)
        #expect(lock.withLock { signals } == [SIGUSR2, SIGUSR2])
    }
}
