import TaskRewards
import Manipulation
import PPO
import Trainer

/// Builds multi-task PPO runs on the simulated MetaWorld tasks: `config.ppo.numEnvs` training
/// slots seeded per slot (`config.slotSeed(i)`), `config.ppo.numEnvs` evaluation slots, and the
/// tasks' MetaWorld names in the metric keys (`sampler/reach-v3/...`, `eval/reach-v3/...`).
public enum MT10Training {
    /// A trainer over `taskNames` (default every simulated task, MT10 order). Training resets use
    /// the suite seed's fixed layouts (`layoutMode: .suite`) or fresh draws (`.random`);
    /// evaluation always plays the fixed layouts. Building it builds `2 x numEnvs x taskCount`
    /// environments.
    public static func makeTrainer(
        config: TrainerConfig, taskNames: [String] = MT10Suite.taskNames, suiteSeed: UInt64 = 0,
        layoutMode: ManipulationEnvironment.LayoutMode = .suite, measuresPhysicsTime: Bool = false
    ) throws(MetaWorldTrainingError) -> Trainer<MT10Slot> {
        let count = config.ppo.numEnvs
        var slots: [MT10Slot] = [], evaluationSlots: [MT10Slot] = []
        for index in 0..<max(count, 0) {
            slots.append(try MT10Slot(
                taskNames: taskNames, suiteSeed: suiteSeed, layoutMode: layoutMode, seed: config.slotSeed(index), measuresPhysicsTime: measuresPhysicsTime))
            evaluationSlots.append(try MT10Slot(taskNames: taskNames, suiteSeed: suiteSeed, seed: config.slotSeed(count + index)))
        }
        do {
            return try Trainer(config: config, slots: slots, evaluationSlots: evaluationSlots, taskNames: taskNames)
        } catch { throw .training(error) }
    }

    /// Builds a trainer (as `makeTrainer`) and trains it until `totalSteps` environment steps or
    /// until `report` returns false; `report` gets every iteration's metrics and, at each
    /// `config.evaluationIntervalSteps` crossing, the deterministic evaluation. Returns the trainer
    /// (for its final state and checkpoints).
    @discardableResult
    public static func train(
        config: TrainerConfig, taskNames: [String] = MT10Suite.taskNames, suiteSeed: UInt64 = 0,
        layoutMode: ManipulationEnvironment.LayoutMode = .suite, totalSteps: Int,
        report: (IterationMetrics, EvaluationResult?) -> Bool
    ) throws(MetaWorldTrainingError) -> Trainer<MT10Slot> {
        let trainer = try makeTrainer(config: config, taskNames: taskNames, suiteSeed: suiteSeed, layoutMode: layoutMode)
        do { try trainer.train(totalSteps: totalSteps, report: report) } catch { throw .training(error) }
        return trainer
    }
}
