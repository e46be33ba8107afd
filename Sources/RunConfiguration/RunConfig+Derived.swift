import PPO
import Samplers

/// Values that follow from other settings, computed here and nowhere else. Two defaults that
/// depend on whether the file set them are applied by the reader (`RunConfig+Loading.swift`):
/// `env.envSlots` (one per task) and `sampler.hardFirstActiveTasks` (at most the task count).
extension RunConfig {
    /// Sets the fields that mirror other sections: PPO's `numEnvs` (= `env.envSlots`) and
    /// `seed` (= `run.seed`), the sampler's `totalStepBudget` (= `run.totalEnvSteps`) and an
    /// omitted sampler `floor` (= 1 / (4 x task count)).
    mutating func resolveDerivedValues() {
        ppo.numEnvs = env.envSlots
        ppo.seed = run.seed
        sampler.totalStepBudget = run.totalEnvSteps
        if sampler.floor == nil { sampler.floor = sampler.resolvedFloor(taskCount: env.tasks.count) }
    }

    /// Number of tasks trained on.
    public var taskCount: Int { env.tasks.count }
    /// Environment steps collected per iteration (one PPO update): `env.envSlots x ppo.numSteps`.
    /// At most 4.1e10 in a valid config (`Limits`); `Int.max` for counts whose product overflows,
    /// which validation refuses.
    public var envStepsPerIteration: Int {
        let (product, overflow) = env.envSlots.multipliedReportingOverflow(by: ppo.numSteps)
        return overflow ? Int.max : product
    }
    /// Iterations needed to reach `run.totalEnvSteps` (the last one may overshoot it), rounded up
    /// without the addition that overflows for a budget near `Int.max`.
    public var iterationCount: Int {
        let perIteration = max(envStepsPerIteration, 1)
        let (whole, remainder) = run.totalEnvSteps.quotientAndRemainder(dividingBy: perIteration)
        return remainder > 0 ? whole + 1 : whole
    }
    /// Evaluations over the run: one per crossed multiple of `evaluation.everyEnvSteps`.
    public var evaluationCount: Int { run.totalEnvSteps / max(evaluation.everyEnvSteps, 1) }
}
