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
        var evaluation: EvaluationResult
        repeat {
            do {
                _ = try trainer.iterate()
                evaluation = try trainer.evaluate()
            } catch { throw .training(sampler: kind.rawValue, seed: seed, error) }
            if evaluation.successRate.allSatisfy({ $0 >= config.successThreshold }) {
                return GridWorldRunResult(sampler: kind, seed: seed, stepsToThreshold: trainer.globalStep,
                                          stepsTrained: trainer.globalStep, finalSuccessRate: evaluation.successRate)
            }
        } while trainer.globalStep < config.stepCap
        return GridWorldRunResult(sampler: kind, seed: seed, stepsToThreshold: nil,
                                  stepsTrained: trainer.globalStep, finalSuccessRate: evaluation.successRate)
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
