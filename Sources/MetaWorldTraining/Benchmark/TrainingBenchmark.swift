import Manipulation
import Networks
import PPO
import Samplers
import Trainer

/// End-to-end training throughput on the simulated MetaWorld tasks: environment steps per
/// second of whole iterations (rollout and PPO update), with the share of each phase, for each
/// network and thread count. "Threads" means both the environment-stepping threads and the
/// OpenBLAS threads of the update.
public enum TrainingBenchmark {
    /// What to measure.
    public struct Options: Sendable {
        /// Tasks (default every simulated task, MT10 order).
        public var taskNames = MT10Suite.taskNames
        /// Environment slots (MT10: one per task, 10).
        public var numEnvs = 10
        /// Steps per slot per iteration (short rollouts; the paper uses 10,000).
        public var numSteps = 256
        /// Timed iterations per case, after one untimed warm-up iteration.
        public var iterations = 2
        /// PPO epochs and minibatches per update (paper: 16 x 32; the KL stop may end it early).
        public var updateEpochs = 16
        public var numMinibatches = 32
        /// Thread counts to compare.
        public var threadCounts = [1, 2]
        /// Deterministic evaluation episodes per task timed after the iterations (0: none).
        public var evaluationEpisodesPerTask = 0
        /// Networks as (name, hidden sizes).
        public var networks: [(name: String, hiddenSizes: [Int])] = [("paper 3x400", [400, 400, 400]), ("small 2x64", [64, 64])]

        public init() {}
    }

    /// One network at one thread count.
    public struct Case: Codable, Sendable {
        public var network: String
        public var threads: Int
        public var environmentSteps: Int
        public var seconds: Double
        public var environmentStepsPerSecond: Double
        /// Wall-clock seconds per phase (`TrainerTiming`).
        public var inferenceSeconds: Double
        public var environmentStepSeconds: Double
        public var episodeBookkeepingSeconds: Double
        public var updateSeconds: Double
        /// CPU seconds inside the ODE substeps and in observations/rewards, summed over slots
        /// (with several threads these overlap in wall-clock time).
        public var physicsSeconds: Double
        public var observationRewardSeconds: Double
        /// Minibatch updates run (fewer than epochs x minibatches when the KL stop fired).
        public var minibatchUpdates: Int
        /// Wall-clock seconds of one deterministic evaluation (`evaluationEpisodesPerTask` per
        /// task, each played to 500 steps, success counted at the first); nil when not measured.
        public var evaluationSeconds: Double?
    }

    /// Every case, with the setting that produced it.
    public struct Report: Codable, Sendable {
        public var taskNames: [String]
        public var numEnvs: Int
        public var numSteps: Int
        public var iterations: Int
        public var updateEpochs: Int
        public var numMinibatches: Int
        public var evaluationEpisodesPerTask: Int
        public var blasThreadsControllable: Bool
        public var cases: [Case]
    }

    public static func run(_ options: Options) throws(MetaWorldTrainingError) -> Report {
        let originalThreads = BLAS.threadCount
        defer { if let originalThreads { _ = BLAS.setThreadCount(originalThreads) } }
        var cases: [Case] = []
        var controllable = true
        for network in options.networks {
            for threads in options.threadCounts {
                controllable = BLAS.setThreadCount(threads) && controllable
                var ppo = PPOConfig()
                ppo.numEnvs = options.numEnvs
                ppo.numSteps = options.numSteps
                ppo.updateEpochs = options.updateEpochs
                ppo.numMinibatches = options.numMinibatches
                ppo.hiddenSizes = network.hiddenSizes
                var sampler = SamplerConfig()
                sampler.maxReturn = 5000
                sampler.hardFirstActiveTasks = min(sampler.hardFirstActiveTasks, options.taskNames.count)
                let config = TrainerConfig(ppo: ppo, sampler: sampler, seed: 1, evaluationEpisodesPerTask: max(options.evaluationEpisodesPerTask, 1),
                                           evaluationIntervalSteps: nil, environmentThreads: threads)
                let trainer = try MT10Training.makeTrainer(config: config, taskNames: options.taskNames, measuresPhysicsTime: true)
                do { _ = try trainer.iterate() } catch { throw .training(error) }
                let timingBefore = trainer.timing, stepsBefore = trainer.globalStep
                let physicsBefore = measured(trainer)
                var minibatchUpdates = 0
                for _ in 0..<options.iterations {
                    do { minibatchUpdates += Int(try trainer.iterate()["charts/minibatch_updates"] ?? 0) } catch { throw .training(error) }
                }
                let timing = trainer.timing, physics = measured(trainer)
                var evaluationSeconds: Double?
                if options.evaluationEpisodesPerTask > 0 {
                    let started = TrainerTiming.now()
                    do { _ = try trainer.evaluate() } catch { throw .training(error) }
                    evaluationSeconds = TrainerTiming.now() - started
                }
                let steps = trainer.globalStep - stepsBefore
                let seconds = timing.totalSeconds - timingBefore.totalSeconds
                cases.append(Case(
                    network: network.name, threads: threads, environmentSteps: steps, seconds: seconds,
                    environmentStepsPerSecond: seconds > 0 ? Double(steps) / seconds : 0,
                    inferenceSeconds: timing.inferenceSeconds - timingBefore.inferenceSeconds,
                    environmentStepSeconds: timing.environmentStepSeconds - timingBefore.environmentStepSeconds,
                    episodeBookkeepingSeconds: timing.episodeBookkeepingSeconds - timingBefore.episodeBookkeepingSeconds,
                    updateSeconds: timing.updateSeconds - timingBefore.updateSeconds,
                    physicsSeconds: physics.physics - physicsBefore.physics,
                    observationRewardSeconds: physics.observationReward - physicsBefore.observationReward,
                    minibatchUpdates: minibatchUpdates, evaluationSeconds: evaluationSeconds))
            }
        }
        return Report(taskNames: options.taskNames, numEnvs: options.numEnvs, numSteps: options.numSteps, iterations: options.iterations,
                      updateEpochs: options.updateEpochs, numMinibatches: options.numMinibatches,
                      evaluationEpisodesPerTask: options.evaluationEpisodesPerTask,
                      blasThreadsControllable: controllable, cases: cases)
    }

    private static func measured(_ trainer: Trainer<MT10Slot>) -> (physics: Double, observationReward: Double) {
        trainer.trainingSlots.reduce((0, 0)) { total, slot in
            let seconds = slot.measuredSeconds
            return (total.0 + seconds.physics, total.1 + seconds.observationReward)
        }
    }
}
