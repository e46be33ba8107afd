import Foundation

/// Persistent threads that run the pieces of a `PartitionedWork` at once: the caller runs piece
/// 0, helper thread k runs piece k, and `run` returns when every piece is done (a barrier per
/// call). The threads live as long as the pool. A call allocates nothing and creates no closure,
/// and hand-off is by spinning semaphores, so a call costs a few microseconds, not a wake-up.
///
/// One pool per owner: `run` must not be called from two threads at once.
public final class WorkerPool: @unchecked Sendable {
    /// Pieces per call: the caller's plus one per helper thread.
    public let partCount: Int
    private let starts: [SpinningSemaphore]
    private let done: SpinningSemaphore
    // Written before the start signals, read after the waits: the semaphores order them.
    private unowned(unsafe) var work: (any PartitionedWork)?
    private var stopped = false

    /// A pool running `partCount` pieces per call with `partCount - 1` helper threads named
    /// `name-1`, `name-2`, ….
    public init(partCount: Int, name: String, spinNanoseconds: UInt64 = SpinningSemaphore.defaultSpinNanoseconds) {
        self.partCount = max(1, partCount)
        starts = (1..<max(1, partCount)).map { _ in SpinningSemaphore(spinNanoseconds: spinNanoseconds) }
        done = SpinningSemaphore(spinNanoseconds: spinNanoseconds)
        for part in 1..<self.partCount {
            let thread = Thread { [self] in workerLoop(part) }
            thread.name = "\(name)-\(part)"
            thread.start()
        }
    }

    private func workerLoop(_ part: Int) {
        let start = starts[part - 1]
        while true {
            start.wait()
            if stopped {
                done.signal()
                return
            }
            work!.runPart(part, of: partCount)
            done.signal()
        }
    }

    /// Threads of this pool parked right now, or about to park: helpers waiting for their next
    /// piece and a caller of `run` waiting for the helpers. A snapshot for tests and diagnostics.
    public var parkedThreads: Int { starts.reduce(done.parkedWaiters) { $0 + $1.parkedWaiters } }

    /// Runs every piece of `work` (piece 0 on the calling thread) and returns when all are done.
    public func run(_ work: any PartitionedWork) {
        precondition(!stopped, "WorkerPool.run after stop()")
        self.work = work
        for start in starts { start.signal() }
        work.runPart(0, of: partCount)
        for _ in starts { done.wait() }
        self.work = nil
    }

    /// Ends the helper threads; the pool cannot be used afterwards. Calling it again does nothing.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        for start in starts { start.signal() }
        for _ in starts { done.wait() }
    }
}
