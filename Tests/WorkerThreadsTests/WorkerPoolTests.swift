import Foundation
import Synchronization
import Testing
import WorkerThreads

/// Records which thread ran each piece and how often.
private final class CountingWork: PartitionedWork, @unchecked Sendable {
    let parts: Int
    var runs: [Int]
    var threads: [pthread_t]
    var partsSeen: [Int]
    init(parts: Int) {
        self.parts = parts
        runs = Array(repeating: 0, count: parts)
        threads = Array(repeating: pthread_self(), count: parts)
        partsSeen = Array(repeating: 0, count: parts)
    }
    func runPart(_ part: Int, of parts: Int) {
        // Each piece touches only its own element (no shared writes).
        runs.withUnsafeMutableBufferPointer { $0[part] += 1 }
        partsSeen.withUnsafeMutableBufferPointer { $0[part] = parts }
        let thread = pthread_self()
        threads.withUnsafeMutableBufferPointer { $0[part] = thread }
    }
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
        final class SlowHelper: PartitionedWork, @unchecked Sendable {
            let finished = SharedCount()
            func runPart(_ part: Int, of parts: Int) {
                if part == 1 { usleep(2_000) }
                finished.add()
            }
        }
        let work = SlowHelper()
        for call in 1...20 {
            usleep(3_000)   // longer than the spin: the helper is parked when the call comes
            pool.run(work)
            #expect(work.finished.current == 2 * call)
        }
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
