import Daemon
import Foundation
@testable import RunExecution
import SafeTensors
import Testing

/// A checkpoint that reads and verifies but that the trainer refuses (written under another
/// learning-config hash or another trainer format version, as a build whose config encoding or
/// physics changed would write it) is not corrupt: the run fails with the reason and keeps its
/// checkpoints and logs, instead of moving them aside and silently starting over from step 0.
@Suite struct RunIncompatibleCheckpointTests {
    @Test(arguments: [("trainer_config_hash", "0123456789abcdef"), ("trainer_format_version", "999")])
    func aRefusedButIntactCheckpointFailsTheRunAndKeepsItsFiles(key: String, value: String) throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 100))
        let first = scratch.trainAndInterrupt(record.id, atIteration: 4)
        #expect(first == .paused(reason: "interrupted at 256 of 640 env steps"))
        let folder = try scratch.folder(record.id)
        let catalog = CheckpointCatalog(folder: folder)
        let entries = try catalog.entries()
        #expect(entries.map(\.envSteps) == [256, 128])
        let metricsBefore = try scratch.lines(folder.metricsPath)

        // The same checkpoints, intact and checksummed, as another build would have written them.
        for entry in entries { try scratch.rewriteCheckpoint(entry.path) { $0[key] = value } }

        try scratch.restart(record.id)
        let second = scratch.executor.execute(runID: record.id, stop: StopSignal())
        guard case .failed(let reason) = second else {
            Issue.record("expected the run to fail, got \(second)")
            return
        }
        #expect(reason.contains(entries[0].path), "\(reason)")
        for entry in entries {
            #expect(FileManager.default.fileExists(atPath: entry.path))
            #expect(!FileManager.default.fileExists(atPath: entry.path + ".corrupt"))
        }
        let log = try scratch.lines(folder.trainLogPath)
        #expect(log.filter { $0.hasPrefix("start: ") }.count == 1, "\(log.prefix(5))")
        #expect(log.filter { TrainLogLine.iteration(of: $0) != nil }.count == 4)
        #expect(try scratch.lines(folder.metricsPath) == metricsBefore)
    }
}

/// A checkpoint of the old learner (one joint Adam: no `optimizers` metadata, one `adam_step`)
/// under a config that says separate optimisers fails the run with the key to set, keeping its files.
@Suite struct RunOtherLearnerCheckpointTests {
    @Test func aJointCheckpointUnderSeparateOptimisersFailsTheRunNamingTheKey() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 100))
        scratch.trainAndInterrupt(record.id, atIteration: 2)
        let folder = try scratch.folder(record.id)
        let entries = try CheckpointCatalog(folder: folder).entries()
        #expect(!entries.isEmpty)
        for entry in entries {
            try scratch.rewriteCheckpoint(entry.path) { metadata in
                #expect(metadata["optimizers"] == "separate", "the default learner has separate optimisers")
                metadata["optimizers"] = nil
                metadata["adam_step"] = metadata.removeValue(forKey: "actor_adam_step")
                metadata["critic_adam_step"] = nil
            }
        }
        try scratch.restart(record.id)
        let second = scratch.executor.execute(runID: record.id, stop: StopSignal())
        guard case .failed(let reason) = second else {
            Issue.record("expected the run to fail, got \(second)")
            return
        }
        #expect(reason.contains("written with ppo.optimizers: joint") && reason.contains("set ppo.optimizers: joint"), "\(reason)")
        for entry in entries { #expect(FileManager.default.fileExists(atPath: entry.path)) }
    }
}

/// A checkpoint written under another OpenBLAS thread count still resumes (the run stays valid),
/// but train.log says the numbers will not match an uninterrupted run bit for bit.
@Suite struct RunBLASThreadsTests {
    @Test func aResumeOnAnotherBLASThreadCountIsWarnedAbout() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 100))
        scratch.trainAndInterrupt(record.id, atIteration: 4)
        let folder = try scratch.folder(record.id)
        let entries = try CheckpointCatalog(folder: folder).entries()
        try scratch.rewriteCheckpoint(entries[0].path) { metadata in
            #expect(metadata["blas_threads"] != nil, "checkpoints record the OpenBLAS thread count")
            metadata["blas_threads"] = "97"
        }

        try scratch.restart(record.id)
        #expect(scratch.executor.execute(runID: record.id, stop: StopSignal()) == .completed)
        let log = try scratch.lines(folder.trainLogPath)
        #expect(log.contains { $0.contains("written with 97 OpenBLAS threads") }, "\(log.filter { $0.hasPrefix("warning") })")
    }
}
