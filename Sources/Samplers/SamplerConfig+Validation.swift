/// One invalid sampler setting: its key, the value found and the range that would be valid.
public struct SamplerConfigProblem: Equatable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: String
    public var allowed: String

    public var description: String {
        "sampler key '\(key)' is \(value); allowed: \(allowed)"
    }
}

extension SamplerConfig {
    /// Upper bounds on the counts, far beyond any real run (the paper: a 100M-step budget,
    /// 100k-step windows, 50 episodes) and low enough that nothing computed from them overflows.
    public enum Limits {
        /// Most environment steps in `totalStepBudget` and `updateEveryEnvSteps`: 10^12.
        public static let envSteps = 1_000_000_000_000
        /// Most episodes in `successWindowEpisodes` (each task keeps one flag per episode).
        public static let successWindowEpisodes = 100_000
    }

    /// Every problem at once, so a user fixes a config in one pass. With `taskCount`, also the
    /// settings whose range depends on the number of tasks.
    public func validate(taskCount: Int? = nil) -> [SamplerConfigProblem] {
        var problems: [SamplerConfigProblem] = []
        func check(_ ok: Bool, _ key: String, _ value: some CustomStringConvertible, _ allowed: String) {
            if !ok { problems.append(SamplerConfigProblem(key: key, value: "\(value)", allowed: allowed)) }
        }
        let eta = inverseTemperature
        check(eta.isFinite && eta > 0, "inverseTemperature", eta, "a finite number > 0")
        check(stepSize.isFinite && stepSize >= 0 && (!eta.isFinite || stepSize <= eta), "stepSize", stepSize,
              "0 <= stepSize <= inverseTemperature (\(eta)), so that alpha = stepSize / inverseTemperature is in [0, 1]")
        if let floor {
            check(floor.isFinite && floor >= 0 && floor <= 1, "floor", floor,
                  "0 <= floor <= 1 (a floor above 1 / task count falls back to uniform sampling), or omitted for 1 / (4 x task count)")
        }
        check(maxReturn.isFinite && maxReturn > 0, "maxReturn", maxReturn, "a finite number > 0")
        check((1...Limits.envSteps).contains(updateEveryEnvSteps), "updateEveryEnvSteps", updateEveryEnvSteps,
              "an integer in 1...\(Limits.envSteps) (environment steps between sampler updates; 1 updates after every rollout)")
        check((1...Limits.successWindowEpisodes).contains(successWindowEpisodes), "successWindowEpisodes", successWindowEpisodes,
              "an integer in 1...\(Limits.successWindowEpisodes)")
        check(targetSwitchSuccessRate >= 0 && targetSwitchSuccessRate <= 1, "targetSwitchSuccessRate",
              targetSwitchSuccessRate, "0 <= targetSwitchSuccessRate <= 1")
        check(masteredSuccessRate >= 0 && masteredSuccessRate <= 1, "masteredSuccessRate",
              masteredSuccessRate, "0 <= masteredSuccessRate <= 1")
        check(scoreNormalisationOffset.isFinite && scoreNormalisationOffset > 0, "scoreNormalisationOffset",
              scoreNormalisationOffset, "a finite number > 0")
        check(hardFirstActiveTasks >= 1 && hardFirstActiveTasks <= (taskCount ?? Int.max), "hardFirstActiveTasks",
              hardFirstActiveTasks, taskCount.map { "an integer in 1...\($0) (the task count)" } ?? "an integer >= 1")
        check(hardFirstLowReturn.isFinite, "hardFirstLowReturn", hardFirstLowReturn, "a finite number")
        check(hardFirstHighReturn.isFinite && (!hardFirstLowReturn.isFinite || hardFirstHighReturn >= hardFirstLowReturn),
              "hardFirstHighReturn", hardFirstHighReturn, "a finite number >= hardFirstLowReturn (\(hardFirstLowReturn))")
        if let perTask = hardFirstHighReturnPerTask {
            for (task, value) in perTask.enumerated() {
                check(value.isFinite && (!hardFirstLowReturn.isFinite || value >= hardFirstLowReturn),
                      "hardFirstHighReturnPerTask[\(task)]", value, "a finite number >= hardFirstLowReturn (\(hardFirstLowReturn))")
            }
            if let taskCount {
                check(perTask.count == taskCount, "hardFirstHighReturnPerTask", "a list of \(perTask.count) values",
                      "one value per task (\(taskCount))")
            }
        }
        check(hardFirstBudgetFraction > 0 && hardFirstBudgetFraction <= 1, "hardFirstBudgetFraction",
              hardFirstBudgetFraction, "0 < hardFirstBudgetFraction <= 1")
        check(hardFirstStageOneFraction >= 0 && hardFirstStageOneFraction <= 1, "hardFirstStageOneFraction",
              hardFirstStageOneFraction, "0 <= hardFirstStageOneFraction <= 1")
        check((1...Limits.envSteps).contains(totalStepBudget), "totalStepBudget", totalStepBudget, "an integer in 1...\(Limits.envSteps)")
        if let taskCount {
            check(taskCount >= 1, "taskCount", taskCount, "an integer >= 1 (the number of tasks)")
        }
        return problems
    }
}
