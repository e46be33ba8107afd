import Daemon
import Foundation

/// Renews `owner`'s lease on its running runs every `intervalSeconds` on a background thread,
/// so an iteration longer than a service's lease timeout does not make the run look orphaned.
public final class LeaseHeartbeat: @unchecked Sendable {
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopping = false

    /// Starts beating at once.
    public init(store: RunStore, owner: RunOwner, intervalSeconds: Double = 10) {
        let thread = Thread { [self] in
            while true {
                _ = try? store.heartbeat(owner: owner)
                _ = wake.wait(timeout: .now() + intervalSeconds)
                lock.lock()
                let done = stopping
                lock.unlock()
                if done { break }
            }
            finished.signal()
        }
        thread.name = "drats.heartbeat"
        thread.start()
    }

    /// Stops the thread and waits for it.
    public func stop() {
        lock.lock()
        let already = stopping
        stopping = true
        lock.unlock()
        guard !already else { return }
        wake.signal()
        finished.wait()
    }
}
