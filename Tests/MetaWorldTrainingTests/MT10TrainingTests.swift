import Manipulation
import Networks
import PPO
import Physics
import Samplers
import Testing
@testable import MetaWorldTraining
@testable import Trainer
import WorkerThreads

/// Multi-task PPO on the real simulation, tiny: fixed metric keys, the sampler's view of the
/// episodes, identical numbers on one and two environment threads, faults counted not fatal.
@Suite struct MT10TrainingTests {
    static let tasks = Array(TaskCatalog.names.prefix(3))

    static func config(numSteps: Int = 32, threads: Int = 1, evaluationEpisodes: Int = 2) -> TrainerConfig {
        var ppo = PPOConfig()
        ppo.numEnvs = 3
        ppo.numSteps = numSteps
        ppo.updateEpochs = 2
        ppo.numMinibatches = 2
        ppo.hiddenSizes = [16]
        var sampler = SamplerConfig()
        sampler.kind = .drats
        sampler.maxReturn = 5000
        sampler.updateEveryEnvSteps = 1   // q after every (tiny) rollout
        return TrainerConfig(ppo: ppo, sampler: sampler, seed: 11, evaluationEpisodesPerTask: evaluationEpisodes,
                             evaluationIntervalSteps: nil, environmentThreads: threads)
    }

    @Test func tinyRunCarriesEveryFixedMetricKey() throws {
        let trainer = try MT10Training.makeTrainer(config: Self.config(), taskNames: Self.tasks)
        var reports: [IterationMetrics] = []
        try trainer.train(totalSteps: 2 * 3 * 32) { metrics, evaluation in
            #expect(evaluation == nil)
            reports.append(metrics)
            return true
        }
        #expect(reports.count == 2)
        for metrics in reports {
            #expect(metrics.keys == IterationMetrics.keys(taskNames: Self.tasks))
            #expect(metrics.keys.contains("charts/environment_faults") && metrics.keys.contains("sampler/reach-v3/probability"))
            for key in ["losses/policy_loss", "losses/value_loss", "losses/entropy", "charts/global_step"] {
                #expect(metrics[key]?.isFinite == true, "\(key)")
            }
            // A property of the simulation, not of this trajectory: no action in [-1, 1]^4 may
            // fault a task, so whatever actions the kernel's rounding makes the policy sample,
            // none faults (a fault here is a physics bug, not a flaky test).
            #expect(metrics["charts/environment_faults"] == 0)
        }
        #expect(reports.last?["charts/global_step"] == Double(2 * 3 * 32))
        #expect(trainer.taskNames == Self.tasks)
    }

    @Test func samplerSeesEveryFinishedEpisode() throws {
        // 260 steps per iteration: every slot's first episode is truncated at step 500, in the
        // second iteration.
        let trainer = try MT10Training.makeTrainer(config: Self.config(numSteps: 260), taskNames: Self.tasks)
        var total = 0
        for _ in 0..<2 {
            let metrics = try trainer.iterate()
            let buffer = trainer.buffer
            var ended = 0
            for step in 1..<buffer.numSteps {
                for env in 0..<buffer.numEnvs where buffer.dones.pointer[buffer.index(step: step, env: env)] == 1 { ended += 1 }
            }
            for env in 0..<buffer.numEnvs where trainer.nextDones[env] == 1 { ended += 1 }
            let windowEpisodes = Self.tasks.map { metrics["sampler/\($0)/window_episodes"]! }.reduce(0, +)
            #expect(metrics["charts/episodes"] == Double(ended))
            #expect(windowEpisodes == Double(ended))
            total += ended
        }
        #expect(total == 3)
        #expect(trainer.sampler.state.tasks.map(\.totalEpisodeCount).reduce(0, +) == total)
    }

    @Test func oneAndTwoEnvironmentThreadsGiveIdenticalNumbers() throws {
        let one = try MT10Training.makeTrainer(config: Self.config(threads: 1), taskNames: Self.tasks)
        let two = try MT10Training.makeTrainer(config: Self.config(threads: 2), taskNames: Self.tasks)
        #expect(one.workerPool == nil && two.workerPool?.partCount == 2)
        for _ in 0..<2 {
            let a = try one.iterate(), b = try two.iterate()
            #expect(a == b)
            let count = one.buffer.count * one.observationSize
            #expect(Array(UnsafeBufferPointer(start: one.buffer.observations.pointer, count: count))
                == Array(UnsafeBufferPointer(start: two.buffer.observations.pointer, count: count)))
        }
        #expect(one.sampler == two.sampler)
        let evaluationOne = try one.evaluate(), evaluationTwo = try two.evaluate()
        #expect(evaluationOne == evaluationTwo)
        #expect(evaluationOne.episodesPerTask == 2 && evaluationOne.successRate.count == Self.tasks.count)
        #expect(try one.iterate() == two.iterate())
    }

    /// Every MT10 task, ten slots, on one and two threads: no task shares mutable state
    /// between environments.
    @Test func everyTaskOnTenSlotsIsThreadCountIndependent() throws {
        var configs = [Self.config(numSteps: 24, threads: 1, evaluationEpisodes: 1), Self.config(numSteps: 24, threads: 2, evaluationEpisodes: 1)]
        for index in configs.indices {
            configs[index].ppo.numEnvs = 10
            configs[index].ppo.numMinibatches = 4
        }
        let one = try MT10Training.makeTrainer(config: configs[0]), two = try MT10Training.makeTrainer(config: configs[1])
        #expect(one.taskNames == MT10Suite.taskNames && one.taskCount == 10)
        for _ in 0..<2 { #expect(try one.iterate() == two.iterate()) }
        #expect(try one.evaluate() == two.evaluate())
    }

    @Test func physicsFaultsAreCountedAndTheRunContinues() throws {
        let trainer = try MT10Training.makeTrainer(config: Self.config(threads: 2), taskNames: Self.tasks)
        // Break the arm of every environment of slot 1: whichever task it plays faults at its
        // first step; the reset that follows places everything again.
        for environment in trainer.slots[1].environments {
            environment.world.setVelocity(angular: SIMD3(.nan, 0, 0), of: environment.arm.hand)
        }
        let metrics = try trainer.iterate()
        #expect(metrics["charts/environment_faults"] == 1)
        #expect(metrics["charts/episodes"] == 1)
        #expect(metrics["charts/episodic_length"] == 1)
        #expect(trainer.environmentFaultCount == 1)
        #expect(trainer.buffer.dones.pointer[trainer.buffer.index(step: 1, env: 1)] == 1)
        let next = try trainer.iterate()
        #expect(next["charts/environment_faults"] == 1 && next["losses/value_loss"]?.isFinite == true)
    }
}
