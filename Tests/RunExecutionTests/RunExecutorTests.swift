import Daemon
import Foundation
import RunConfiguration
@testable import RunExecution
import SafeTensors
import Testing
import Trainer

/// `RunExecutor.execute` on tiny grid-world and MT10 runs: the folder it leaves, the store's
/// state, checkpoints and retention, and stops (interrupt, shutdown, cancel).
@Suite struct RunExecutorTests {
    static let fixedIterationKeys = ["kind", "iteration", "env_steps", "wall_seconds", "steps_per_second"]

    @Test func gridWorldRunCompletesWithLogsMetricsAndCheckpoints() throws {
        let scratch = try Scratch()
        let (record, config) = try scratch.start(TinyConfigs.gridWorld())
        var progressLines: [String] = []
        let outcome = scratch.executor.execute(runID: record.id, stop: StopSignal()) { progressLines.append($0) }
        #expect(outcome == .completed)

        let stored = try scratch.store.run(id: record.id)
        #expect(stored.state == .completed)
        #expect(stored.envSteps == 640)
        #expect(stored.owner == nil)
        #expect(stored.stepsPerSecond > 0)

        let folder = try scratch.folder(record.id)
        #expect(try String(contentsOfFile: folder.configPath, encoding: .utf8) == record.configText)

        // train.log: a start line, one line per iteration, the final state.
        let log = try scratch.lines(folder.trainLogPath)
        #expect(log.first?.hasPrefix("start: tiny-grid") == true)
        let iterationLines = log.filter { TrainLogLine.iteration(of: $0) != nil }
        #expect(iterationLines.map { TrainLogLine.iteration(of: $0) } == Array(1...10))
        #expect(iterationLines[0].hasPrefix("iter 1/10 | steps 64/640 | "))
        #expect(iterationLines[0].contains("eval none yet"))
        #expect(iterationLines[1].contains("eval mean "))
        #expect(iterationLines[1].contains("q wall0 "))
        #expect(log.last == "completed: the step budget is spent")
        #expect(progressLines == log)

        // metrics.jsonl: 10 iteration objects with every fixed key, 5 evaluations.
        let metrics = try scratch.jsonLines(folder.metricsPath)
        let iterations = metrics.filter { $0["kind"] as? String == "iteration" }
        let evaluations = metrics.filter { $0["kind"] as? String == "evaluation" }
        #expect(iterations.count == 10)
        #expect(evaluations.count == 5)
        let expectedKeys = Set(Self.fixedIterationKeys + IterationMetrics.keys(taskNames: config.env.tasks))
        for (index, object) in iterations.enumerated() {
            #expect(Set(object.keys) == expectedKeys)
            #expect(object["iteration"] as? Int == index + 1)
            #expect(object["env_steps"] as? Int == 64 * (index + 1))
        }
        let wallSeconds = iterations.compactMap { $0["wall_seconds"] as? Double }
        #expect(wallSeconds == wallSeconds.sorted())
        #expect(evaluations.map { $0["iteration"] as? Int } == [2, 4, 6, 8, 10])
        for object in evaluations {
            #expect(object["eval/mean_success_rate"] is Double || object["eval/mean_success_rate"] is Int)
            for task in config.env.tasks { #expect(object["eval/\(task)/success_rate"] != nil && object["eval/\(task)/return"] != nil) }
        }

        // Checkpoints: the newest two (iterations 10 and 9) plus the best evaluated one (the
        // newest of equal scores), each verified.
        let entries = try CheckpointCatalog(folder: folder).entries()
        let scores = evaluations.map { (($0["eval/mean_success_rate"] as? NSNumber)?.doubleValue ?? -1, $0["env_steps"] as? Int ?? -1) }
        let best = try #require(scores.max { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) })
        #expect(Set(entries.map(\.envSteps)) == Set([640, 576, Int64(best.1)]))
        let files = try entries.map { try SafeTensors.read(from: URL(fileURLWithPath: $0.path)) }
        for (entry, file) in zip(entries, files) {
            #expect(file.metadata["run_id"] == record.id)
            #expect(file.metadata["trainer_format"] == "drats-trainer")
            #expect(file.metadata["global_step"] == String(entry.envSteps))
            if entry.envSteps == Int64(best.1) { #expect(file.metadata["eval_mean_success_rate"].flatMap(Double.init) == best.0) }
        }
        #expect(stored.lastCheckpointPath == entries[0].path)
    }

    @Test func withoutKeepBestOnlyTheNewestAreKept() throws {
        let scratch = try Scratch()
        let yaml = TinyConfigs.gridWorld(keepLast: 1).replacingOccurrences(of: "keepLast: 1}", with: "keepLast: 1, keepBest: false}")
        let (record, _) = try scratch.start(yaml)
        #expect(scratch.executor.execute(runID: record.id, stop: StopSignal()) == .completed)
        #expect(try CheckpointCatalog(folder: scratch.folder(record.id)).entries().map(\.envSteps) == [640])
    }

    @Test func theLeaseHeartbeatRenewsTheOwnersLease() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld())
        let before = try #require(try scratch.store.run(id: record.id).ownerHeartbeatAt)
        let heartbeat = LeaseHeartbeat(store: scratch.store, owner: scratch.owner, intervalSeconds: 0.05)
        // It renews at once and then every interval: the stored heartbeat moves on, twice.
        var seen = before
        for _ in 1...2 {
            let previous = seen
            let deadline = Date().addingTimeInterval(30)
            while seen <= previous && Date() < deadline {
                usleep(10_000)
                seen = try #require(try scratch.store.run(id: record.id).ownerHeartbeatAt)
            }
            #expect(seen > previous, "no renewal within 30 s")
        }
        heartbeat.stop()
        heartbeat.stop()  // a second stop does nothing
    }

    @Test func mt10RunOnTwoTasksCompletes() throws {
        let scratch = try Scratch()
        let (record, config) = try scratch.start(TinyConfigs.mt10)
        let outcome = scratch.executor.execute(runID: record.id, stop: StopSignal())
        #expect(outcome == .completed)
        #expect(try scratch.store.run(id: record.id).envSteps == 300)
        let folder = try scratch.folder(record.id)
        let metrics = try scratch.jsonLines(folder.metricsPath)
        #expect(metrics.map { $0["kind"] as? String } == ["iteration", "iteration", "evaluation", "iteration"])
        let expectedKeys = Set(Self.fixedIterationKeys + IterationMetrics.keys(taskNames: config.env.tasks))
        #expect(Set(metrics[0].keys) == expectedKeys)
        #expect(metrics[2]["eval/push-v3/return"] != nil)
        let entries = try CheckpointCatalog(folder: folder).entries()
        #expect(entries.map(\.envSteps).prefix(2) == [300, 200])
        for entry in entries { _ = try SafeTensors.read(from: URL(fileURLWithPath: entry.path)) }
    }

    @Test func interruptCheckpointsAndPausesThenAResumeCompletes() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 100))
        let stop = StopSignal()
        let first = scratch.executor.execute(runID: record.id, stop: stop) { line in
            if TrainLogLine.iteration(of: line) == 4 { stop.request(.interrupted) }
        }
        #expect(first == .paused(reason: "interrupted at 256 of 640 env steps"))
        let paused = try scratch.store.run(id: record.id)
        #expect(paused.state == .paused)
        #expect(paused.envSteps == 256)
        let folder = try scratch.folder(record.id)
        #expect(try CheckpointCatalog(folder: folder).entries().first?.envSteps == 256)
        #expect(paused.lastCheckpointPath == CheckpointCatalog(folder: folder).path(forEnvSteps: 256))

        try scratch.restart(record.id)
        #expect(scratch.executor.execute(runID: record.id, stop: StopSignal()) == .completed)
        let log = try scratch.lines(folder.trainLogPath)
        #expect(log.contains { $0.hasPrefix("resume: restored \(folder.checkpointsPath)/step-000000000256.safetensors (iteration 4, 256 env steps)") })
        let iterations = try scratch.jsonLines(folder.metricsPath).filter { $0["kind"] as? String == "iteration" }
        #expect(iterations.map { $0["iteration"] as? Int } == Array(1...10))
        let wall = iterations.compactMap { $0["wall_seconds"] as? Double }
        #expect(wall == wall.sorted(), "wall_seconds keeps counting across the resume")
    }

    @Test func shutdownRequeuesAndCancelCancels() throws {
        let scratch = try Scratch()
        let (first, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 100))
        let stop = StopSignal()
        stop.request(.shutdown)
        stop.request(.interrupted)  // the first request wins
        #expect(stop.reason == .shutdown)
        // Asked before anything was trained: the first iteration is abandoned at its first step.
        #expect(scratch.executor.execute(runID: first.id, stop: stop) == .requeued)
        let requeued = try scratch.store.run(id: first.id)
        #expect(requeued.state == .queued)
        #expect(requeued.envSteps == 0)
        #expect(try CheckpointCatalog(folder: scratch.folder(first.id)).entries().isEmpty)
        let log = try scratch.lines(try scratch.folder(first.id).trainLogPath)
        #expect(log.contains("shutdown: abandoned iteration 1 under way; the run resumes from its checkpoint at iteration 0"))

        let (second, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 100))
        let store = scratch.store
        let outcome = scratch.executor.execute(runID: second.id, stop: StopSignal()) { line in
            if TrainLogLine.iteration(of: line) == 2 { _ = try? store.cancel(second.id) }
        }
        #expect(outcome == .cancelled)
        let cancelled = try scratch.store.run(id: second.id)
        #expect(cancelled.state == .cancelled)
        #expect(try CheckpointCatalog(folder: scratch.folder(second.id)).entries().first?.envSteps == 128)
    }

    @Test func aRunNotOwnedIsLeftAlone() throws {
        let scratch = try Scratch()
        let config = try RunConfig.load(yaml: TinyConfigs.gridWorld())
        let queued = try scratch.store.submit(RunSubmission(name: "q", configText: try config.resolvedYAML(), samplerName: "drats",
                                                            seed: 5, totalEnvSteps: 640))
        let outcome = scratch.executor.execute(runID: queued.id, stop: StopSignal())
        #expect(outcome == .failed(reason: RunExecutionError.notOwned(runID: queued.id, state: .queued).description))
        let after = try scratch.store.run(id: queued.id)
        #expect(after.state == .queued && after.attemptCount == 0 && after.failureReason == nil)
        #expect(!FileManager.default.fileExists(atPath: try scratch.folder(queued.id).url.path))
    }

    @Test func aGridWorldTaskSubsetFailsWithTheReason() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start("run: {totalEnvSteps: 640}\nenv: {suite: gridworld, tasks: [wall0, wall2]}\nppo: {numSteps: 16, numMinibatches: 2, hiddenSizes: []}\n")
        let outcome = scratch.executor.execute(runID: record.id, stop: StopSignal())
        guard case .failed(let reason) = outcome else { Issue.record("outcome \(outcome)"); return }
        #expect(reason.contains("env.tasks"))
        #expect(reason.contains("wall0, wall1, wall2, wall3"))
        let stored = try scratch.store.run(id: record.id)
        #expect(stored.state == .failed)
        #expect(stored.failureReason == reason)
    }
}
