import Foundation
import Networks
import Testing
import GridWorldTraining
import MallocCounter
import PPO
import Samplers
@testable import Trainer
import WorkerThreads

/// The training loop on the grid-world slots: determinism, the sampler's view of episodes,
/// the observation layout, the metric keys, setup validation and evaluation isolation.
@Suite struct TrainerTests {
    static func config(seed: UInt64 = 3, kind: SamplerKind = .drats) -> TrainerConfig {
        var ppo = PPOConfig()
        ppo.numEnvs = 4
        ppo.numSteps = 64
        ppo.updateEpochs = 2
        ppo.numMinibatches = 4
        ppo.hiddenSizes = [8]
        ppo.learningRate = 0.01
        ppo.logStdMode = .stateIndependent
        var sampler = SamplerConfig()
        sampler.kind = kind
        sampler.maxReturn = 1
        sampler.floor = 0.01
        sampler.updateEveryEnvSteps = 1   // q after every rollout, as grid-world runs do
        return TrainerConfig(ppo: ppo, sampler: sampler, seed: seed, evaluationEpisodesPerTask: 2)
    }

    static func trainer(_ config: TrainerConfig, slip: Double = 0.2) throws -> Trainer<GridWorldSlot> {
        let slots = try (0..<config.ppo.numEnvs).map { try GridWorldSlot(slipProbability: slip, seed: config.slotSeed($0)) }
        let evaluation = [try GridWorldSlot(slipProbability: slip, seed: config.slotSeed(99)), try GridWorldSlot(slipProbability: slip, seed: config.slotSeed(100))]
        return try Trainer(config: config, slots: slots, evaluationSlots: evaluation, taskNames: GridWorldSlot.taskNames)
    }

    /// The sampler window is its own setting (docs/samplers.md): with a window of three rollouts
    /// (4 slots x 64 steps each), q moves only at iterations 3 and 6, and the window then holds
    /// every episode of those three rollouts.
    @Test func qMovesOnlyWhenTheSamplerWindowIsFull() throws {
        var config = Self.config(kind: .drats)
        config.sampler.updateEveryEnvSteps = 3 * 4 * 64
        let trainer = try Self.trainer(config)
        var previous = trainer.sampler.probabilities
        var episodes = 0.0
        for iteration in 1...6 {
            let metrics = try trainer.iterate()
            episodes += metrics["charts/episodes"] ?? 0
            let windowFull = iteration % 3 == 0
            #expect(metrics["charts/sampler_updates"] == Double(iteration / 3), "iteration \(iteration)")
            #expect((trainer.sampler.probabilities != previous) == windowFull, "iteration \(iteration)")
            if windowFull {
                let windowEpisodes = GridWorldSlot.taskNames.map { metrics["sampler/\($0)/window_episodes"] ?? 0 }.reduce(0, +)
                #expect(windowEpisodes == episodes, "iteration \(iteration)")
                episodes = 0
            }
            previous = trainer.sampler.probabilities
        }
    }

    @Test func sameSeedSameNumbersOtherSeedOtherNumbers() throws {
        let a = try Self.trainer(Self.config()), b = try Self.trainer(Self.config()), c = try Self.trainer(Self.config(seed: 4))
        var sameAll = true, anyDifferent = false
        for _ in 0..<4 {
            let ma = try a.iterate(), mb = try b.iterate(), mc = try c.iterate()
            sameAll = sameAll && ma == mb
            anyDifferent = anyDifferent || ma != mc
        }
        #expect(sameAll)
        #expect(anyDifferent)
        #expect(a.sampler == b.sampler)
        #expect(try a.evaluate() == b.evaluate())
    }

    @Test func samplerSeesEveryFinishedEpisode() throws {
        let trainer = try Self.trainer(Self.config())
        var expectedTotal = 0
        for _ in 0..<3 {
            let metrics = try trainer.iterate()
            // Episodes that ended in this iteration, counted independently from the stored dones:
            // a done at step t > 0 marks an episode that ended at step t - 1; the last step's
            // endings are in nextDones.
            let buffer = trainer.buffer
            var ended = 0
            for step in 1..<buffer.numSteps {
                for env in 0..<buffer.numEnvs where buffer.dones.pointer[buffer.index(step: step, env: env)] == 1 { ended += 1 }
            }
            for env in 0..<buffer.numEnvs where trainer.nextDones[env] == 1 { ended += 1 }
            let windowEpisodes = GridWorldSlot.taskNames.map { metrics["sampler/\($0)/window_episodes"]! }.reduce(0, +)
            #expect(metrics["charts/episodes"] == Double(ended))
            #expect(windowEpisodes == Double(ended))
            expectedTotal += ended
        }
        // Row 0's done belongs to the previous iteration's last step, counted there already.
        let total = trainer.sampler.state.tasks.map(\.totalEpisodeCount).reduce(0, +)
        #expect(total == expectedTotal)
        #expect(total > 0)
    }

    @Test func observationIsCellOneHotThenTaskOneHot() throws {
        let trainer = try Self.trainer(Self.config())
        _ = try trainer.iterate()
        let buffer = trainer.buffer
        var tasksSeen = Set<Int32>()
        for row in 0..<buffer.count {
            let observation = buffer.observations.row(row)
            let task = Int(buffer.tasks[row])
            tasksSeen.insert(buffer.tasks[row])
            var cellSum: Float = 0
            for cell in 0..<25 {
                #expect(observation[cell] == 0 || observation[cell] == 1)
                cellSum += observation[cell]
            }
            #expect(cellSum == 1)
            for k in 0..<4 { #expect(observation[25 + k] == (k == task ? 1 : 0)) }
        }
        #expect(trainer.observationSize == 29)
        #expect(tasksSeen.count > 1, "the sampler should have drawn more than one task in 256 steps")
    }

    @Test(arguments: SamplerKind.allCases)
    func metricsCarryEveryFixedKey(kind: SamplerKind) throws {
        let trainer = try Self.trainer(Self.config(kind: kind))
        let metrics = try trainer.iterate()
        #expect(metrics.keys == IterationMetrics.keys(taskNames: GridWorldSlot.taskNames))
        #expect(metrics.iteration == 1 && metrics.globalStep == 256)
        #expect(metrics["charts/global_step"] == 256)
        #expect(metrics["sampler/wall3/probability"] != nil)
        let probabilities = GridWorldSlot.taskNames.map { metrics["sampler/\($0)/probability"]! }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
        let steps = GridWorldSlot.taskNames.map { metrics["sampler/\($0)/steps"]! }.reduce(0, +)
        #expect(steps == 256)
        #expect(metrics["no/such/key"] == nil)
    }

    @Test func evaluationDoesNotDisturbTraining() throws {
        let plain = try Self.trainer(Self.config()), evaluated = try Self.trainer(Self.config())
        _ = try plain.iterate()
        _ = try evaluated.iterate()
        let result = try evaluated.evaluate()
        #expect(result.successRate.count == 4 && result.episodesPerTask == 2)
        #expect(result.successRate.allSatisfy { (0...1).contains($0) })
        #expect(result.metricEntries(taskNames: GridWorldSlot.taskNames).map(\.key).first == "eval/wall0/success_rate")
        #expect(try plain.iterate() == evaluated.iterate())
    }

    /// The rollout (inference, stepping, bookkeeping, task draws, resets) allocates nothing once
    /// the sampler's 50-episode success windows are full.
    @Test(arguments: [false, true])
    func rolloutAllocatesNothing(sharedHead: Bool) throws {
        var config = Self.config(kind: .uniform)
        config.sharedHead = sharedHead
        let trainer = try Self.trainer(config)
        // Train until the windows are full rather than for a fixed number of iterations: how
        // many episodes an iteration finishes depends on how fast the policy learns, which moves
        // with the BLAS kernel. The 15-step horizon bounds an episode, so an iteration (4 slots
        // x 64 steps) finishes at least 17 even if the policy learns nothing.
        var iterations = 0
        while !trainer.sampler.state.tasks.allSatisfy({ $0.totalEpisodeCount > 60 }) && iterations < 400 {
            _ = try trainer.iterate()
            iterations += 1
        }
        try #require(trainer.sampler.state.tasks.allSatisfy { $0.totalEpisodeCount > 60 }, "after \(iterations) iterations")
        malloc_counter_start()
        let tally = try trainer.collectRollout()
        let allocations = malloc_counter_stop()
        #expect(allocations == 0)
        #expect(tally.episodes > 0)
    }

    @Test func sharedHeadBuildsOneHeadAndKeepsPerTaskStatistics() throws {
        var config = Self.config(kind: .learningPotential)
        config.sharedHead = true
        let trainer = try Self.trainer(config)
        #expect(trainer.headCount == 1 && trainer.agent.taskCount == 1)
        let metrics = try trainer.iterate()
        #expect((0..<trainer.buffer.count).allSatisfy { trainer.buffer.tasks[$0] == 0 })
        let advantages = trainer.meanAbsoluteAdvantageByTask()
        #expect(advantages.count == 4 && advantages.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(trainer.sampler.state.meanAbsoluteAdvantage == advantages)
        #expect(metrics.keys == IterationMetrics.keys(taskNames: GridWorldSlot.taskNames))
    }

    /// Learning Potential's score is each task's mean |advantage| after standardising that
    /// task's advantages over the whole rollout (the authors' `task_abs_adv`), computed here by
    /// hand from the rollout; with global normalisation it stays the raw mean |advantage|.
    @Test(arguments: AdvantageNormalization.allCases)
    func learningPotentialScoresTheRolloutsPerTaskNormalisedAdvantages(normalization: AdvantageNormalization) throws {
        var config = Self.config(kind: .learningPotential)
        config.ppo.advantageNormalization = normalization
        let trainer = try Self.trainer(config)
        _ = try trainer.iterate()
        let buffer = trainer.buffer
        for task in 0..<trainer.taskCount {
            let rows = (0..<buffer.count).filter { trainer.rowTasks[$0] == Int32(task) }
            let advantages = rows.map { Double(buffer.advantages.pointer[$0]) }
            let mean = advantages.reduce(0, +) / Double(advantages.count)
            let std = (advantages.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(advantages.count)).squareRoot()
            let expected = normalization == .perTask
                ? advantages.map { abs($0 - mean) / (std + 1e-8) }.reduce(0, +) / Double(advantages.count)
                : advantages.map(abs).reduce(0, +) / Double(advantages.count)
            let score = trainer.sampler.state.meanAbsoluteAdvantage[task]
            #expect(abs(score - expected) < 1e-9 * max(1, expected), "task \(task): \(score) vs \(expected)")
        }
    }

    @Test func trainEvaluatesAtEveryIntervalAndStopsAtTheBudgetOrWhenAsked() throws {
        var config = Self.config()
        config.evaluationIntervalSteps = 600
        let trainer = try Self.trainer(config)
        var evaluatedAt: [Int] = [], iterations = 0
        try trainer.train(totalSteps: 2_000) { metrics, evaluation in
            iterations += 1
            if let evaluation {
                evaluatedAt.append(metrics.globalStep)
                #expect(evaluation.successRate.count == 4)
            }
            return true
        }
        #expect(iterations == 8 && trainer.globalStep == 2_048)
        #expect(evaluatedAt == [768, 1_280, 2_048], "the first iterations past 600, 1200 and 1800 steps")
        let stopping = try Self.trainer(config)
        try stopping.train(totalSteps: 10_000) { metrics, _ in metrics.iteration < 3 }
        #expect(stopping.iteration == 3)
        config.evaluationIntervalSteps = 0
        #expect(throws: TrainerError.self) { try Self.trainer(config) }
    }

    @Test func rejectsMismatchedSetup() throws {
        let config = Self.config()
        let slot = try GridWorldSlot()
        #expect(throws: TrainerError.self) { try Trainer(config: config, slots: [slot, slot], evaluationSlots: [slot]) }
        #expect(throws: TrainerError.self) { try Trainer(config: config, slots: [slot, slot, slot, slot], evaluationSlots: []) }
        #expect(throws: TrainerError.self) {
            try Trainer(config: config, slots: [slot, slot, slot, slot], evaluationSlots: [slot], taskNames: ["a", "a", "b", "c"])
        }
        do {
            _ = try Trainer(config: config, slots: [slot], evaluationSlots: [slot], taskNames: ["a"])
            Issue.record("a mismatched setup was accepted")
        } catch {
            #expect(error.description.contains("ppo.numEnvs"))
            #expect(error.description.contains("task names"))
        }
    }

    @Test func nonFiniteRewardStopsTheRunWithAClearError() throws {
        var config = Self.config(kind: .uniform)
        config.sampler.floor = nil
        config.sampler.hardFirstActiveTasks = 1
        config.ppo.numEnvs = 1
        config.ppo.numMinibatches = 1
        let trainer = try Trainer(config: config, slots: [BrokenRewardSlot()], evaluationSlots: [BrokenRewardSlot()])
        #expect {
            _ = try trainer.iterate()
        } throws: { error in
            (error as? TrainerError)?.description.contains("not finite") == true
        }
    }
}

/// A one-task slot whose reward is NaN: a broken simulation the trainer must refuse.
struct BrokenRewardSlot: MultiTaskEnvironmentSlot {
    var observationSize: Int { 1 }
    var actionSize: Int { 1 }
    var taskCount: Int { 1 }
    mutating func reset(task: Int, observation: UnsafeMutableBufferPointer<Float>) throws { observation[0] = 0 }
    mutating func step(action: UnsafeBufferPointer<Float>, observation: UnsafeMutableBufferPointer<Float>) throws -> SlotStep {
        observation[0] = 1
        return SlotStep(reward: .nan, success: false, terminated: false, truncated: false)
    }
    func checkpointState() throws -> SlotState { SlotState() }
    mutating func restore(from state: SlotState, observation: UnsafeMutableBufferPointer<Float>) throws { observation[0] = 0 }
}

/// Stepping the slots on worker threads changes nothing but the speed.
@Suite struct TrainerThreadingTests {
    @Test func environmentThreadsGiveIdenticalNumbers() throws {
        var results: [[IterationMetrics]] = []
        var evaluations: [EvaluationResult] = []
        for threads in [1, 2, 3, 8] {
            var config = TrainerTests.config()
            config.environmentThreads = threads
            let trainer = try TrainerTests.trainer(config)
            #expect((trainer.workerPool?.partCount ?? 1) == min(threads, config.ppo.numEnvs))
            // The slot threads also run the critic's rollout pass beside the actor's.
            #expect(trainer.agent.rolloutInferencePool === trainer.workerPool)
            results.append(try (0..<3).map { _ in try trainer.iterate() })
            evaluations.append(try trainer.evaluate())
        }
        #expect(results.allSatisfy { $0 == results[0] })
        #expect(evaluations.allSatisfy { $0 == evaluations[0] })
    }

    /// An agent that outlives its trainer drops the trainer's (stopped) pool and still acts.
    @Test func anAgentOutlivingItsTrainerLetsGoOfThePool() throws {
        var config = TrainerTests.config()
        config.environmentThreads = 2
        var trainer: Trainer<GridWorldSlot>? = try TrainerTests.trainer(config)
        let agent = try #require(trainer?.agent)
        #expect(agent.rolloutInferencePool != nil)
        trainer = nil
        #expect(agent.rolloutInferencePool == nil)
    }

    @Test func negativeThreadCountIsRefusedZeroMeansEveryCore() throws {
        var config = TrainerTests.config()
        config.environmentThreads = -1
        do {
            _ = try TrainerTests.trainer(config)
            Issue.record("-1 environment threads were accepted")
        } catch {
            #expect(String(describing: error).contains("environmentThreads"))
        }
        config.environmentThreads = 0
        let trainer = try TrainerTests.trainer(config)
        let expected = min(ProcessInfo.processInfo.activeProcessorCount, config.ppo.numEnvs)
        #expect((trainer.workerPool?.partCount ?? 1) == expected)
    }

    @Test func rolloutOnWorkerThreadsAllocatesNothingOnTheCallingThread() throws {
        var config = TrainerTests.config(kind: .uniform)
        config.environmentThreads = 2
        let trainer = try TrainerTests.trainer(config)
        for _ in 0..<25 { _ = try trainer.iterate() }
        malloc_counter_start()
        _ = try trainer.collectRollout()
        #expect(malloc_counter_stop() == 0)
    }
}
