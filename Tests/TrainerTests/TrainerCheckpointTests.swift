import Foundation
import Testing
import GridWorldTraining
import GridWorld
import PPO
import SafeTensors
import Samplers
@testable import Trainer

/// The trainer checkpoint on grid-world runs (slip 0.2, so the slots' generators matter): a run
/// resumed from iteration k in a fresh trainer matches the uninterrupted one bit for bit, through
/// a real file too; a checkpoint of another config, with a key missing or a shape wrong, or whose
/// slot state cannot be replayed, is refused and leaves the trainer as it was.
@Suite struct TrainerCheckpointTests {
    /// Trains `k` iterations (evaluating after the first, so the evaluation slots have moved too),
    /// then returns the trainer and its checkpoint.
    static func trainedTrainer(_ config: TrainerConfig, iterations k: Int) throws -> (Trainer<GridWorldSlot>, SafeTensorsFile) {
        let trainer = try TrainerTests.trainer(config)
        for index in 0..<k {
            _ = try trainer.iterate()
            if index == 0 { _ = try trainer.evaluate() }
        }
        return (trainer, try trainer.checkpointFile(metadata: ["run_id": "test"]))
    }

    /// Runs `m` more iterations on both trainers, each followed by an evaluation, and expects
    /// every number and finally the whole state to agree, down to the checkpoint bytes.
    static func expectSameContinuation(_ a: Trainer<GridWorldSlot>, _ b: Trainer<GridWorldSlot>, iterations m: Int) throws {
        for _ in 0..<m {
            let metricsA = try a.iterate(), metricsB = try b.iterate()
            #expect(metricsA == metricsB)
            #expect(try a.evaluate() == b.evaluate())
        }
        let fileA = try a.checkpointFile(), fileB = try b.checkpointFile()
        #expect(fileA.tensors == fileB.tensors)
        #expect(fileA.metadata == fileB.metadata)
        #expect(try SafeTensors.encode(fileA) == SafeTensors.encode(fileB), "the two runs' checkpoints are not byte-identical")
    }

    @Test(arguments: SamplerKind.allCases, [1, 3])
    func resumedRunMatchesTheUninterruptedOne(kind: SamplerKind, k: Int) throws {
        let config = TrainerTests.config(kind: kind)
        let (a, file) = try Self.trainedTrainer(config, iterations: k)
        #expect(a.episodeLengths.contains { $0 > 0 }, "episodes are mid-way at the checkpoint")
        let b = try TrainerTests.trainer(config)
        try b.restore(from: file, path: "(memory)")
        #expect(b.sampler == a.sampler && b.iteration == k && b.globalStep == a.globalStep)
        #expect(b.episodeLengths == a.episodeLengths && b.episodeReturns == a.episodeReturns)
        try Self.expectSameContinuation(a, b, iterations: 3)
    }

    @Test func sharedHeadRunResumesExactly() throws {
        var config = TrainerTests.config(kind: .learningPotential)
        config.sharedHead = true
        let (a, file) = try Self.trainedTrainer(config, iterations: 2)
        let b = try TrainerTests.trainer(config)
        try b.restore(from: file, path: "(memory)")
        #expect(Array(b.slotHeads) == Array(a.slotHeads) && Array(b.slotTasks) == Array(a.slotTasks))
        try Self.expectSameContinuation(a, b, iterations: 2)
    }

    @Test func roundTripThroughAFileWithOtherThreadCount() throws {
        let config = TrainerTests.config(kind: .hardFirst)
        let (a, file) = try Self.trainedTrainer(config, iterations: 2)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drats-trainer-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("iteration-2.safetensors")
        try SafeTensors.write(file, to: url)
        let read = try SafeTensors.read(from: url)
        #expect(read == file)
        #expect(read.metadata["run_id"] == "test" && read.metadata[TrainerCheckpoint.MetadataKey.iteration] == "2")

        var threaded = config
        threaded.environmentThreads = 3
        #expect(threaded.learningConfigHash == config.learningConfigHash)
        let b = try TrainerTests.trainer(threaded)
        try b.restore(from: read, path: url.path)
        for _ in 0..<3 {
            #expect(try a.iterate() == b.iterate())
            #expect(try a.evaluate() == b.evaluate())
        }
        #expect(try a.checkpointFile().tensors == b.checkpointFile().tensors)
    }

    /// The policy can be read out of a trainer checkpoint by `PPOAgent.restore` alone.
    @Test func agentRestoreReadsThePolicyOutOfATrainerCheckpoint() throws {
        let config = TrainerTests.config()
        let (a, file) = try Self.trainedTrainer(config, iterations: 2)
        let agent = try PPOAgent(config: a.agent.config, observationSize: a.observationSize, actionSize: a.actionSize, taskCount: a.headCount)
        let counters = try agent.restore(from: file)
        #expect(counters == PPOCheckpoint.Counters(globalStep: a.globalStep, iteration: 2))
        let own = try agent.checkpointFile(counters: counters).tensors
        #expect(own == file.tensors.filter { !$0.key.hasPrefix("trainer.") })
    }

    /// Evaluation slots are not in the config hash (their count is the caller's choice), so a
    /// different count is caught by the slot tensors, in both directions.
    @Test func otherEvaluationSlotCountIsRefused() throws {
        let config = TrainerTests.config()
        let (_, file) = try Self.trainedTrainer(config, iterations: 1)
        for (count, expected) in [(1, "more evaluation slots than this run's 1"), (3, "trainer.evaluation_slots.2.")] {
            let slots = try (0..<config.ppo.numEnvs).map { try GridWorldSlot(slipProbability: 0.2, seed: config.slotSeed($0)) }
            let evaluation = try (0..<count).map { try GridWorldSlot(slipProbability: 0.2, seed: config.slotSeed(99 + $0)) }
            let b = try Trainer(config: config, slots: slots, evaluationSlots: evaluation, taskNames: GridWorldSlot.taskNames)
            #expect { try b.restore(from: file, path: "x") } throws: { error in
                String(describing: error).contains(expected)
            }
        }
    }

    @Test func otherLearningConfigIsRefusedNamingBothHashes() throws {
        let (_, file) = try Self.trainedTrainer(TrainerTests.config(), iterations: 1)
        var other = TrainerTests.config()
        other.ppo.learningRate = 0.02
        let b = try TrainerTests.trainer(other)
        let before = try b.checkpointFile()
        #expect(throws: TrainerError.self) { try b.restore(from: file, path: "ckpt.safetensors") }
        do {
            try b.restore(from: file, path: "ckpt.safetensors")
        } catch {
            guard case let .checkpointConfigMismatch(path, checkpointHash, runHash) = error else {
                Issue.record("wrong error: \(error)"); return
            }
            #expect(path == "ckpt.safetensors" && checkpointHash == TrainerTests.config().learningConfigHash && runHash == other.learningConfigHash)
            #expect(error.description.contains(checkpointHash) && error.description.contains(runHash))
        }
        #expect(try b.checkpointFile() == before)
    }

    /// Broken files, each refused with the name of what is wrong, the trainer unchanged. The
    /// trainer has trained one iteration and the checkpoint three, so a restore that got as far
    /// as the agent or the slots would show.
    @Test func brokenCheckpointsAreRefusedAndLeaveTheTrainerUnchanged() throws {
        let config = TrainerTests.config()
        let (_, file) = try Self.trainedTrainer(config, iterations: 3)
        let b = try TrainerTests.trainer(config)
        _ = try b.iterate()
        let before = try b.checkpointFile()

        var cases: [(String, SafeTensorsFile)] = []
        var noSampler = file
        noSampler.metadata["sampler_state"] = nil
        cases.append(("sampler_state", noSampler))
        var noAgentKey = file
        noAgentKey.metadata["actor_adam_step"] = nil
        cases.append(("actor_adam_step", noAgentKey))
        var noReturns = file
        noReturns.tensors["trainer.episode_returns"] = nil
        cases.append(("trainer.episode_returns", noReturns))
        var noWeight = file
        let weightName = try #require(file.tensors.keys.first { $0.hasPrefix("actor.") && $0.hasSuffix("weight") })
        noWeight.tensors[weightName] = nil
        cases.append((weightName, noWeight))
        var wrongShape = file
        wrongShape.tensors["trainer.next_dones"] = try Tensor(float32: [0, 0], shape: [2])
        cases.append(("trainer.next_dones", wrongShape))
        var wrongDType = file
        wrongDType.tensors["trainer.slot_tasks"] = try Tensor(int64: [0, 0, 0, 0], shape: [4])
        cases.append(("trainer.slot_tasks", wrongDType))
        var noSlotArray = file
        noSlotArray.tensors["trainer.slots.2.agent_cells"] = nil
        cases.append(("trainer.slots.2.agent_cells", noSlotArray))
        var otherTasks = file
        otherTasks.metadata["task_names"] = #"["a","b","c","d"]"#
        cases.append(("task", otherTasks))
        var agentOnly = file
        agentOnly.tensors = file.tensors.filter { !$0.key.hasPrefix("trainer.") }
        agentOnly.metadata = file.metadata.filter { !$0.key.hasPrefix("trainer_") }
        cases.append(("PPO agent checkpoint", agentOnly))
        // These pass the checks and fail while the agent and slots are being set: rolled back.
        var wallCell = file
        var cells = try file.tensors["trainer.slots.1.agent_cells"]!.int64Values()
        cells[3] = Int64(try #require(GridTask.standardSuite[3].wallCells.first).index)
        wallCell.tensors["trainer.slots.1.agent_cells"] = try Tensor(int64: cells, shape: [cells.count])
        cases.append(("slot 1", wallCell))
        var otherObservation = file
        var observations = try file.tensors["trainer.next_observations"]!.float32Values()
        let cell = try #require(observations[0..<25].firstIndex(of: 1))
        observations[cell] = 0
        observations[(cell + 1) % 25] = 1
        otherObservation.tensors["trainer.next_observations"] = try Tensor(float32: observations, shape: file.tensors["trainer.next_observations"]!.shape)
        cases.append(("training slot 0 restored observation", otherObservation))

        for (expected, broken) in cases {
            do {
                try b.restore(from: broken, path: "broken.safetensors")
                Issue.record("a checkpoint without a valid '\(expected)' was accepted")
            } catch {
                #expect(error.description.contains(expected), "\(error.description)")
                #expect(error.description.contains("broken.safetensors"))
            }
            #expect(try b.checkpointFile() == before, "restoring a file with a broken '\(expected)' changed the trainer")
        }
        // And the trainer still works and takes the intact file.
        try b.restore(from: file, path: "intact")
        #expect(b.iteration == 3)
    }
}
