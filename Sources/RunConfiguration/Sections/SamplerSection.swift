import Samplers

/// The `sampler` section as written to YAML: `SamplerConfig` without `totalStepBudget`
/// (it is `run.totalEnvSteps`), with the floor filled in and the per-task thresholds named by
/// task.
struct SamplerSection: Encodable {
    let config: SamplerConfig
    let taskNames: [String]
    init(_ config: SamplerConfig, taskNames: [String] = []) {
        self.config = config
        self.taskNames = taskNames
    }

    static let keys = ["kind", "inverseTemperature", "stepSize", "floor", "maxReturn", "updateEveryEnvSteps", "successWindowEpisodes",
                       "targetSwitchSuccessRate", "masteredSuccessRate", "scoreNormalisationOffset",
                       "hardFirstActiveTasks", "hardFirstLowReturn", "hardFirstHighReturn", "hardFirstHighReturnPerTask",
                       "hardFirstBudgetFraction", "hardFirstStageOneFraction"]
    static let derivedKeys = ["totalStepBudget": "run.totalEnvSteps"]

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: StringKey.self)
        try c.encode(config.kind, forKey: StringKey("kind"))
        try c.encode(config.inverseTemperature, forKey: StringKey("inverseTemperature"))
        try c.encode(config.stepSize, forKey: StringKey("stepSize"))
        try c.encodeIfPresent(config.floor, forKey: StringKey("floor"))
        try c.encode(config.maxReturn, forKey: StringKey("maxReturn"))
        try c.encode(config.updateEveryEnvSteps, forKey: StringKey("updateEveryEnvSteps"))
        try c.encode(config.successWindowEpisodes, forKey: StringKey("successWindowEpisodes"))
        try c.encode(config.targetSwitchSuccessRate, forKey: StringKey("targetSwitchSuccessRate"))
        try c.encode(config.masteredSuccessRate, forKey: StringKey("masteredSuccessRate"))
        try c.encode(config.scoreNormalisationOffset, forKey: StringKey("scoreNormalisationOffset"))
        try c.encode(config.hardFirstActiveTasks, forKey: StringKey("hardFirstActiveTasks"))
        try c.encode(config.hardFirstLowReturn, forKey: StringKey("hardFirstLowReturn"))
        try c.encode(config.hardFirstHighReturn, forKey: StringKey("hardFirstHighReturn"))
        if let perTask = config.hardFirstHighReturnPerTask {
            var named = c.nestedContainer(keyedBy: StringKey.self, forKey: StringKey("hardFirstHighReturnPerTask"))
            for (task, value) in perTask.enumerated() {
                try named.encode(value, forKey: StringKey(task < taskNames.count ? taskNames[task] : "task\(task)"))
            }
        }
        try c.encode(config.hardFirstBudgetFraction, forKey: StringKey("hardFirstBudgetFraction"))
        try c.encode(config.hardFirstStageOneFraction, forKey: StringKey("hardFirstStageOneFraction"))
    }
}
