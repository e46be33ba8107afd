import TaskRewards
import Manipulation
import PPO
import SafeTensors
import Samplers
import Testing
import Trainer
@testable import MetaWorldTraining
import RandomStreams

/// Saving and restoring MT10 slots and trainers: a slot rebuilt from its saved state (reset with
/// the saved generator, the episode's actions replayed) steps exactly like the original, and a
/// trainer resumed mid-episode matches the uninterrupted run bit for bit, on 1 or 2 threads.
@Suite struct MT10CheckpointTests {
    static let tasks = Array(TaskCatalog.names.prefix(3))

    /// A fixed, varied action sequence (a seeded SplitMix64 mapped to [-1.2, 1.2]).
    static func actions(count: Int, seed: UInt64) -> [[Float]] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<4).map { _ in Float(generator.uniform(-1.2, 1.2)) } }
    }

    /// Steps `slot` through `actions`, returning observations and rewards.
    static func play(_ slot: MT10Slot, _ actions: [[Float]], observation: UnsafeMutableBufferPointer<Float>) throws -> ([[Float]], [Double]) {
        var observations: [[Float]] = [], rewards: [Double] = []
        for action in actions {
            let result = try action.withUnsafeBufferPointer { try slot.step(action: $0, observation: observation) }
            observations.append(Array(observation))
            rewards.append(result.reward)
        }
        return (observations, rewards)
    }

    @Test(arguments: [ManipulationEnvironment.LayoutMode.suite, .random])
    func restoredSlotContinuesExactly(layoutMode: ManipulationEnvironment.LayoutMode) throws {
        let original = try MT10Slot(taskNames: Self.tasks, layoutMode: layoutMode, seed: 21)
        let observation = UnsafeMutableBufferPointer<Float>.allocate(capacity: 39), restored = UnsafeMutableBufferPointer<Float>.allocate(capacity: 39)
        defer { observation.deallocate(); restored.deallocate() }
        // A whole episode (history in the environment), an evaluation episode, then 137 steps into a training one.
        try original.reset(task: 1, observation: observation)
        _ = try Self.play(original, Self.actions(count: 500, seed: 1), observation: observation)
        try original.resetForEvaluation(task: 0, episode: 3, observation: observation)
        _ = try Self.play(original, Self.actions(count: 40, seed: 2), observation: observation)
        try original.reset(task: 1, observation: observation)
        _ = try Self.play(original, Self.actions(count: 137, seed: 3) + [[.nan, 0.5, 0, 1]], observation: observation)
        let state = try original.checkpointState()
        #expect(state.floats["episode_actions"]?.count == 138 * 4)
        #expect(state.integers["invalid_action_count"] == [1])

        let copy = try MT10Slot(taskNames: Self.tasks, layoutMode: layoutMode, seed: 99)
        try copy.restore(from: state, observation: restored)
        #expect(Array(restored) == Array(observation))
        #expect(try copy.checkpointState() == state)
        #expect(copy.task == 1 && copy.invalidActionCount == 1 && copy.faultCount == original.faultCount)

        let next = Self.actions(count: 20, seed: 4)
        let a = try Self.play(original, next, observation: observation), b = try Self.play(copy, next, observation: restored)
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
        // Later resets draw the same layouts, on every task.
        for task in [2, 0, 1, 1] {
            try original.reset(task: task, observation: observation)
            try copy.reset(task: task, observation: restored)
            #expect(Array(restored) == Array(observation))
            #expect(copy.environments[task].layout == original.environments[task].layout)
        }
    }

    @Test func evaluationEpisodesAndFreshSlotsRestoreToo() throws {
        let original = try MT10Slot(taskNames: Self.tasks, seed: 5)
        let observation = UnsafeMutableBufferPointer<Float>.allocate(capacity: 39)
        defer { observation.deallocate() }
        let fresh = try original.checkpointState()
        #expect(fresh.integers["episode_start"] == [0, 0] && fresh.floats["episode_actions"] == [])
        try original.resetForEvaluation(task: 2, episode: 57, observation: observation)
        _ = try Self.play(original, Self.actions(count: 30, seed: 6), observation: observation)
        let state = try original.checkpointState()
        #expect(state.integers["episode_start"] == [2, 7])
        let copy = try MT10Slot(taskNames: Self.tasks, seed: 5)
        let restored = UnsafeMutableBufferPointer<Float>.allocate(capacity: 39)
        defer { restored.deallocate() }
        try copy.restore(from: state, observation: restored)
        #expect(Array(restored) == Array(observation))
        let next = Self.actions(count: 5, seed: 7)
        #expect(try Self.play(original, next, observation: observation).0 == Self.play(copy, next, observation: restored).0)
    }

    @Test func invalidStatesAreRefusedNamingTheArray() throws {
        let slot = try MT10Slot(taskNames: Self.tasks, seed: 5)
        let observation = UnsafeMutableBufferPointer<Float>.allocate(capacity: 39)
        defer { observation.deallocate() }
        try slot.reset(task: 0, observation: observation)
        _ = try Self.play(slot, Self.actions(count: 3, seed: 8), observation: observation)
        let state = try slot.checkpointState()
        var cases: [(String, SlotState)] = []
        var badTask = state
        badTask.integers["task"] = [3]
        cases.append(("task", badTask))
        var oddActions = state
        oddActions.floats["episode_actions"] = [0, 0, 0]
        cases.append(("episode_actions", oddActions))
        var tooManyActions = state
        tooManyActions.floats["episode_actions"] = [Float](repeating: 0, count: 501 * 4)
        cases.append(("episode_actions", tooManyActions))
        var missingGenerators = state
        missingGenerators.integers["layout_generators"] = nil
        cases.append(("layout_generators", missingGenerators))
        var otherMode = state
        otherMode.integers["layout_mode"] = [1]
        cases.append(("layout_mode", otherMode))
        var badStart = state
        badStart.integers["episode_start"] = [2, 50]
        cases.append(("episode_start", badStart))
        var otherGenerator = state
        otherGenerator.integers["layout_generators"]![0] &+= 1
        cases.append(("did not reproduce", otherGenerator))
        for (name, broken) in cases {
            #expect { try slot.restore(from: broken, observation: observation) } throws: { error in
                String(describing: error).contains(name)
            }
        }
    }

    static func config(threads: Int = 1) -> TrainerConfig {
        var ppo = PPOConfig()
        ppo.numEnvs = 2
        ppo.numSteps = 50
        ppo.updateEpochs = 1
        ppo.numMinibatches = 2
        ppo.hiddenSizes = [16]
        var sampler = SamplerConfig()
        sampler.kind = .drats
        sampler.maxReturn = 5000
        return TrainerConfig(ppo: ppo, sampler: sampler, seed: 13, evaluationEpisodesPerTask: 1,
                             evaluationIntervalSteps: nil, environmentThreads: threads)
    }

    /// A checkpoint whose saved actions do not lead to its saved observation (as if the physics
    /// had changed since it was written) is refused after the replay, and the trainer is put
    /// back as it was, slots included.
    @Test func replayThatDoesNotReproduceTheObservationIsRefusedAndRolledBack() throws {
        let a = try MT10Training.makeTrainer(config: Self.config(), taskNames: Self.tasks)
        for _ in 0..<3 { _ = try a.iterate() }
        var file = try a.checkpointFile()
        var actions = try #require(file.tensors["trainer.slots.1.episode_actions"]).float32Values()
        #expect(actions.count == 150 * 4)
        actions[0] = actions[0] > 0 ? -1 : 1
        file.tensors["trainer.slots.1.episode_actions"] = try Tensor(float32: actions, shape: [actions.count])

        let b = try MT10Training.makeTrainer(config: Self.config(), taskNames: Self.tasks)
        _ = try b.iterate()
        let before = try b.checkpointFile()
        #expect { try b.restore(from: file, path: "changed.safetensors") } throws: { error in
            String(describing: error).contains("training slot 1 restored observation value")
        }
        #expect(try b.checkpointFile() == before)
        // The rolled-back trainer goes on exactly like one that never saw the file.
        let c = try MT10Training.makeTrainer(config: Self.config(), taskNames: Self.tasks)
        _ = try c.iterate()
        #expect(try b.iterate() == c.iterate())
    }

    /// 12 iterations of 50 steps: every slot is 100 steps into its second episode at the
    /// checkpoint. The resumed trainer steps on two threads.
    @Test(arguments: [1, 2])
    func resumedTrainerMatchesTheUninterruptedOne(resumedThreads: Int) throws {
        let a = try MT10Training.makeTrainer(config: Self.config(), taskNames: Self.tasks)
        for index in 0..<12 {
            _ = try a.iterate()
            if index == 0 { _ = try a.evaluate() }
        }
        let file = try SafeTensors.decode(SafeTensors.encode(try a.checkpointFile()))
        let b = try MT10Training.makeTrainer(config: Self.config(threads: resumedThreads), taskNames: Self.tasks)
        try b.restore(from: file, path: "(memory)")
        for _ in 0..<3 {
            #expect(try a.iterate() == b.iterate())
        }
        #expect(try a.evaluate() == b.evaluate())
        let fileA = try a.checkpointFile(), fileB = try b.checkpointFile()
        #expect(fileA.tensors == fileB.tensors)
        #expect(fileA.metadata.filter { $0.key != TrainerCheckpoint.MetadataKey.config } == fileB.metadata.filter { $0.key != TrainerCheckpoint.MetadataKey.config })
    }
}
