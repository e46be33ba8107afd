import Foundation

/// Work split into `parts` fixed pieces that may run at the same time on different threads.
protocol PartitionedWork: AnyObject {
    /// Runs piece `part` of `parts`; must touch only that piece's data.
    func runPart(_ part: Int, of parts: Int)
}

/// Persistent threads that run the pieces of a `PartitionedWork` at once: the caller runs piece
/// 0, thread k runs piece k, and `run` returns when every piece is done (a barrier per call).
/// The threads live as long as the pool; hand-off is by semaphores, so a call allocates nothing
/// and creates no closure (the CriticWorker pattern, widened to several threads).
final class SlotWorkerPool: @unchecked Sendable {
    /// Pieces per call: the caller's plus one per helper thread.
    let partCount: Int
    private let starts: [DispatchSemaphore]
    private let done = DispatchSemaphore(value: 0)
    // Written before the start signals, read after the waits: the semaphores order them.
    private unowned(unsafe) var work: (any PartitionedWork)?
    private var stopping = false

    /// A pool running `partCount` pieces per call with `partCount - 1` helper threads.
    init(partCount: Int) {
        self.partCount = max(1, partCount)
        starts = (1..<max(1, partCount)).map { _ in DispatchSemaphore(value: 0) }
        for part in 1..<self.partCount {
            let thread = Thread { [self] in workerLoop(part) }
            thread.name = "drats.slots-\(part)"
            thread.start()
        }
    }

    private func workerLoop(_ part: Int) {
        let start = starts[part - 1]
        while true {
            start.wait()
            if stopping {
                done.signal()
                return
            }
            work!.runPart(part, of: partCount)
            done.signal()
        }
    }

    /// Runs every piece of `work` (piece 0 on the calling thread) and returns when all are done.
    func run(_ work: any PartitionedWork) {
        self.work = work
        for start in starts { start.signal() }
        work.runPart(0, of: partCount)
        for _ in starts { done.wait() }
        self.work = nil
    }

    /// Ends the helper threads; the pool cannot be used afterwards.
    func stop() {
        stopping = true
        for start in starts { start.signal() }
        for _ in starts { done.wait() }
    }
}
