import Foundation
import Synchronization
import Testing
import WorkerThreads

/// Records which thread ran each piece and how often. Fixed buffers, one element per piece:
/// the pieces write disjoint memory and never touch an Array (whose mutation from several
/// threads at once is an exclusivity violation even on different elements).
private final class CountingWork: PartitionedWork, @unchecked Sendable {
    let parts: Int
    private let runCounts: UnsafeMutableBufferPointer<Int>
    private let threadIDs: UnsafeMutableBufferPointer<pthread_t>
    private let partCounts: UnsafeMutableBufferPointer<Int>
    init(parts: Int) {
        self.parts = parts
        runCounts = .allocate(capacity: parts)
        runCounts.initialize(repeating: 0)
        threadIDs = .allocate(capacity: parts)
        threadIDs.initialize(repeating: pthread_self())
        partCounts = .allocate(capacity: parts)
        partCounts.initialize(repeating: 0)
    }
    deinit {
        runCounts.deallocate()
        threadIDs.deallocate()
        partCounts.deallocate()
    }
    func runPart(_ part: Int, of parts: Int) {
        runCounts[part] += 1
        partCounts[part] = parts
        threadIDs[part] = pthread_self()
    }
    var runs: [Int] { Array(runCounts) }
    var threads: [pthread_t] { Array(threadIDs) }
    var partsSeen: [Int] { Array(partCounts) }
}

@Suite struct WorkerPoolTests {
    @Test(arguments: [1, 2, 3])
    func everyPieceRunsOncePerCall(parts: Int) {
        let pool = WorkerPool(partCount: parts, name: "test.pool")
        defer { pool.stop() }
        let work = CountingWork(parts: parts)
        for _ in 0..<5_000 { pool.run(work) }
        #expect(work.runs == Array(repeating: 5_000, count: parts))
        #expect(work.partsSeen == Array(repeating: parts, count: parts))
        // Piece 0 on the caller, every other piece on a thread of its own.
        #expect(pthread_equal(work.threads[0], pthread_self()) != 0)
        for a in 0..<parts {
            for b in 0..<parts where a != b { #expect(pthread_equal(work.threads[a], work.threads[b]) == 0) }
        }
    }

    /// `run` returns only after every piece has finished, also when helpers were parked.
    @Test func runIsABarrierAfterParking() {
        let pool = WorkerPool(partCount: 2, name: "test.barrier", spinNanoseconds: 1_000)
        defer { pool.stop() }
        /// The helper's piece ends only once the caller, done with piece 0, has parked waiting
        /// for it: `run` is then certainly waiting when the helper finishes.
        final class LateHelper: PartitionedWork, @unchecked Sendable {
            let finished = SharedCount()
            let callerParked = SharedCount()
            unowned let pool: WorkerPool
            init(pool: WorkerPool) { self.pool = pool }
            func runPart(_ part: Int, of parts: Int) {
                // The helper itself is running, so the one parked thread is the caller.
                if part == 1, waitUntil(seconds: 30, { pool.parkedThreads == 1 }) { callerParked.add() }
                finished.add()
            }
        }
        let work = LateHelper(pool: pool)
        for call in 1...20 {
            // The helper, done with the previous call, spins 1 µs and parks before this call comes.
            #expect(waitUntil { pool.parkedThreads == 1 }, "the helper never parked")
            pool.run(work)
            #expect(work.finished.current == 2 * call)
        }
        #expect(work.callerParked.current == 20)
    }

    @Test func stopEndsHelpersAndIsIdempotent() {
        let pool = WorkerPool(partCount: 3, name: "test.stop")
        let work = CountingWork(parts: 3)
        pool.run(work)
        pool.stop()
        pool.stop()
        #expect(work.runs == [1, 1, 1])
    }
}
