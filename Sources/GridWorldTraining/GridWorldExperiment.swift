import GridWorld
import Samplers
import Trainer

/// Runs the grid-world experiment (see `GridWorldExperimentConfig` for the stopping rule).
public enum GridWorldExperiment {
    /// One training run until the threshold or the step cap.
    public static func run(config: GridWorldExperimentConfig, sampler kind: SamplerKind, seed: UInt64) throws(ExperimentError) -> GridWorldRunResult {
        let trainerConfig = config.trainerConfig(sampler: kind, seed: seed)
        var slots: [GridWorldSlot] = []
        var evaluationSlots: [GridWorldSlot] = []
        do {
            for index in 0..<config.numEnvs {
                slots.append(try GridWorldSlot(slipProbability: config.slipProbability, seed: trainerConfig.slotSeed(index)))
            }
            evaluationSlots.append(try GridWorldSlot(slipProbability: config.slipProbability, seed: trainerConfig.slotSeed(config.numEnvs)))
        } catch { throw .gridWorld(error) }
        let trainer: Trainer<GridWorldSlot>
        do {
            trainer = try Trainer(config: trainerConfig, slots: slots, evaluationSlots: evaluationSlots, taskNames: GridWorldSlot.taskNames)
        } catch { throw .training(sampler: kind.rawValue, seed: seed, error) }
        var stepsToThreshold: Int?
        var finalSuccessRate = [Double](repeating: 0, count: GridWorldSlot.taskNames.count)
        do {
            try trainer.train(totalSteps: config.stepCap) { metrics, evaluation in
                guard let evaluation else { return true }
                finalSuccessRate = evaluation.successRate
                guard evaluation.successRate.allSatisfy({ $0 >= config.successThreshold }) else { return true }
                stepsToThreshold = metrics.globalStep
                return false
            }
        } catch { throw .training(sampler: kind.rawValue, seed: seed, error) }
        return GridWorldRunResult(sampler: kind, seed: seed, stepsToThreshold: stepsToThreshold,
                                  stepsTrained: trainer.globalStep, finalSuccessRate: finalSuccessRate)
    }

    /// Every sampler on seeds 1...seedCount; `progress` hears of each finished run.
    public static func run(
        config: GridWorldExperimentConfig, progress: (GridWorldRunResult) -> Void = { _ in }
    ) throws(ExperimentError) -> GridWorldExperimentReport {
        let problems = config.problems()
        guard problems.isEmpty else { throw .invalidConfig(problems) }
        var summaries: [GridWorldSamplerSummary] = []
        for kind in config.samplers {
            var runs: [GridWorldRunResult] = []
            for seed in 1...UInt64(config.seedCount) {
                let result = try run(config: config, sampler: kind, seed: seed)
                progress(result)
                runs.append(result)
            }
            summaries.append(GridWorldSamplerSummary(sampler: kind, runs: runs, stepCap: config.stepCap))
        }
        return GridWorldExperimentReport(config: config, taskNames: GridWorldSlot.taskNames, samplers: summaries)
    }
}
