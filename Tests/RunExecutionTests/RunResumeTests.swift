import Daemon
import Foundation
@testable import RunExecution
import Testing

/// A run stopped at iteration k and executed again ends with the same metrics.jsonl as an
/// uninterrupted run, up to the timing fields.
@Suite struct RunResumeTests {
    /// metrics.jsonl without `wall_seconds` and `steps_per_second`, one dictionary per line.
    func comparableMetrics(_ scratch: Scratch, _ runID: String) throws -> [NSDictionary] {
        try scratch.jsonLines(try scratch.folder(runID).metricsPath).map { object in
            var object = object
            object["wall_seconds"] = nil
            object["steps_per_second"] = nil
            return object as NSDictionary
        }
    }

    /// Trains `yaml` uninterrupted and again with a stop after iteration `k` and a restart
    /// (with `resumedThreads` environment threads), and compares the metrics.
    func expectResumeMatches(_ yaml: String, stopAfter k: Int, stopReason: StopReason, resumedThreads: Int? = nil) throws {
        let scratch = try Scratch()
        let oneThread = RunExecutor(stateDirectory: scratch.stateDirectory, store: scratch.store, owner: scratch.owner, defaultEnvironmentThreads: 1)
        let (uninterrupted, _) = try scratch.start(yaml)
        #expect(oneThread.execute(runID: uninterrupted.id, stop: StopSignal()) == .completed)

        let (resumed, _) = try scratch.start(yaml)
        let stop = StopSignal()
        let first = oneThread.execute(runID: resumed.id, stop: stop) { line in
            if TrainLogLine.iteration(of: line) == k { stop.request(stopReason) }
        }
        #expect(first.state == (stopReason == .shutdown ? .queued : .paused))
        try scratch.restart(resumed.id)
        let executor = RunExecutor(stateDirectory: scratch.stateDirectory, store: scratch.store, owner: scratch.owner,
                                   defaultEnvironmentThreads: resumedThreads)
        #expect(executor.execute(runID: resumed.id, stop: StopSignal()) == .completed)

        let expected = try comparableMetrics(scratch, uninterrupted.id)
        let actual = try comparableMetrics(scratch, resumed.id)
        #expect(actual.count == expected.count)
        for (index, (a, b)) in zip(actual, expected).enumerated() {
            #expect(a == b, "metrics line \(index + 1) differs after the resume")
        }
        let log = try scratch.lines(try scratch.folder(resumed.id).trainLogPath)
        #expect(log.contains { $0.hasPrefix("resume: restored ") && $0.contains("(iteration \(k),") })
    }

    @Test(arguments: ["drats", "uniform", "hard-first", "learning-progress", "learning-potential"])
    func gridWorldResumedMidRunMatchesAnUninterruptedRun(sampler: String) throws {
        // Checkpoints only at evaluations (even iterations) and at the stop: iteration 5 is mid-episode for some slots.
        try expectResumeMatches(TinyConfigs.gridWorld(sampler: sampler, everyIterations: 100), stopAfter: 5, stopReason: .interrupted)
    }

    @Test func aShutdownAbandonsTheIterationUnderWayAndTheRunStillMatches() throws {
        let scratch = try Scratch()
        let yaml = TinyConfigs.gridWorld(everyIterations: 1)
        let (uninterrupted, _) = try scratch.start(yaml)
        #expect(scratch.executor.execute(runID: uninterrupted.id, stop: StopSignal()) == .completed)

        let (resumed, _) = try scratch.start(yaml)
        let interrupt = StopSignal()
        _ = scratch.executor.execute(runID: resumed.id, stop: interrupt) { line in
            if TrainLogLine.iteration(of: line) == 3 { interrupt.request(.interrupted) }
        }
        // The shutdown comes as the restarted run begins iteration 4: it is dropped, not finished.
        try scratch.restart(resumed.id)
        let shutdown = StopSignal()
        let outcome = scratch.executor.execute(runID: resumed.id, stop: shutdown) { line in
            if line.hasPrefix("resume: ") { shutdown.request(.shutdown) }
        }
        #expect(outcome == .requeued)
        let folder = try scratch.folder(resumed.id)
        #expect(try scratch.lines(folder.trainLogPath).contains("shutdown: abandoned iteration 4 under way; the run resumes from its checkpoint at iteration 3"))
        #expect(try scratch.store.run(id: resumed.id).envSteps == 192)
        #expect(try CheckpointCatalog(folder: folder).entries().first?.envSteps == 192)

        try scratch.restart(resumed.id)
        #expect(scratch.executor.execute(runID: resumed.id, stop: StopSignal()) == .completed)
        #expect(try comparableMetrics(scratch, resumed.id) == comparableMetrics(scratch, uninterrupted.id))
    }

    @Test func mt10ResumedMidEpisodeOnTwoThreadsMatchesAnUninterruptedRun() throws {
        // 50-step rollouts: every slot is mid-way through a 500-step episode at the checkpoint.
        // Threads are left to the executor (1 before the stop, 2 after): they must not change the numbers.
        let yaml = TinyConfigs.mt10.replacingOccurrences(of: "workerThreads: 1", with: "workerThreads: 0")
        try expectResumeMatches(yaml, stopAfter: 1, stopReason: .shutdown, resumedThreads: 2)
    }
}
