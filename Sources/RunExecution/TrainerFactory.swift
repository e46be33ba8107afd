import GridWorldTraining
import GridWorld
import Manipulation
import MetaWorldTraining
import PPO
import RunConfiguration
import Trainer

/// Builds the trainer a run config describes: MT10 slots on the simulated MetaWorld tasks, or
/// grid-world slots, `env.envSlots` of them for training and as many for evaluation.
enum TrainerFactory {
    /// The trainer settings of `config`. `environmentThreads` replaces `env.workerThreads` when
    /// the config leaves it at 0 (one per core), so a service running several runs can share the
    /// cores; `evaluationEpisodesPerTask` replaces `evaluation.episodesPerTask` (for `eval`).
    static func trainerConfig(_ config: RunConfig, environmentThreads: Int? = nil, evaluationEpisodesPerTask: Int? = nil) -> TrainerConfig {
        let threads = config.env.workerThreads == 0 ? (environmentThreads ?? 0) : config.env.workerThreads
        return TrainerConfig(
            ppo: config.ppo, sampler: config.sampler, seed: config.run.seed,
            evaluationEpisodesPerTask: evaluationEpisodesPerTask ?? config.evaluation.episodesPerTask,
            evaluationIntervalSteps: config.evaluation.everyEnvSteps, environmentThreads: threads)
    }

    /// A fresh trainer for `config` (episodes started, nothing trained).
    static func make(_ config: RunConfig, environmentThreads: Int? = nil, evaluationEpisodesPerTask: Int? = nil) throws(RunExecutionError) -> any RunTrainer {
        let problems = RunTrainability.problems(config)
        guard problems.isEmpty else { throw .config(.invalid(file: "config.yaml", problems: problems)) }
        let trainerConfig = trainerConfig(config, environmentThreads: environmentThreads, evaluationEpisodesPerTask: evaluationEpisodesPerTask)
        switch config.env.suite {
        case .mt10:
            let layoutMode = config.env.layoutMode
            do {
                return try MT10Training.makeTrainer(config: trainerConfig, taskNames: config.env.tasks,
                                                    suiteSeed: config.env.suiteSeed, layoutMode: layoutMode)
            } catch {
                if case .training(let trainerError) = error { throw .trainer(trainerError) }
                throw .environment(error.description)
            }
        case .gridworld:
            let count = trainerConfig.ppo.numEnvs
            var slots: [GridWorldSlot] = [], evaluationSlots: [GridWorldSlot] = []
            do {
                for index in 0..<count {
                    slots.append(try GridWorldSlot(seed: trainerConfig.slotSeed(index)))
                    evaluationSlots.append(try GridWorldSlot(seed: trainerConfig.slotSeed(count + index)))
                }
            } catch { throw .environment(error.description) }
            do {
                return try Trainer(config: trainerConfig, slots: slots, evaluationSlots: evaluationSlots, taskNames: GridWorldSlot.taskNames)
            } catch { throw .trainer(error) }
        }
    }
}
