import PPO
import Samplers

/// The `ppo` section as written to YAML: `PPOConfig` without the fields other sections set.
struct PPOSection: Encodable {
    let config: PPOConfig
    init(_ config: PPOConfig) { self.config = config }

    /// Keys the YAML may set, in the order they are written.
    static let keys = ["numSteps", "updateEpochs", "numMinibatches", "learningRate", "adamEpsilon", "maxGradNorm",
                       "gamma", "gaeLambda", "clipCoef", "normAdv", "entCoef", "vfCoef", "targetKL", "klStopFactor",
                       "hiddenSizes", "logStdMode"]
    /// Keys of `PPOConfig` that follow from other sections, with where to set them instead.
    static let derivedKeys = ["numEnvs": "env.envSlots", "seed": "run.seed"]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(config.numSteps, forKey: Key("numSteps"))
        try c.encode(config.updateEpochs, forKey: Key("updateEpochs"))
        try c.encode(config.numMinibatches, forKey: Key("numMinibatches"))
        try c.encode(config.learningRate, forKey: Key("learningRate"))
        try c.encode(config.adamEpsilon, forKey: Key("adamEpsilon"))
        try c.encode(config.maxGradNorm, forKey: Key("maxGradNorm"))
        try c.encode(config.gamma, forKey: Key("gamma"))
        try c.encode(config.gaeLambda, forKey: Key("gaeLambda"))
        try c.encode(config.clipCoef, forKey: Key("clipCoef"))
        try c.encode(config.normAdv, forKey: Key("normAdv"))
        try c.encode(config.entCoef, forKey: Key("entCoef"))
        try c.encode(config.vfCoef, forKey: Key("vfCoef"))
        if let targetKL = config.targetKL { try c.encode(targetKL, forKey: Key("targetKL")) } else { try c.encodeNil(forKey: Key("targetKL")) }
        try c.encode(config.klStopFactor, forKey: Key("klStopFactor"))
        try c.encode(config.hiddenSizes, forKey: Key("hiddenSizes"))
        try c.encode(config.logStdMode, forKey: Key("logStdMode"))
    }
}

/// The `sampler` section as written to YAML: `SamplerConfig` without `totalStepBudget`
/// (it is `run.totalEnvSteps`), with the floor filled in.
struct SamplerSection: Encodable {
    let config: SamplerConfig
    init(_ config: SamplerConfig) { self.config = config }

    static let keys = ["kind", "inverseTemperature", "stepSize", "floor", "maxReturn", "successWindowEpisodes",
                       "targetSwitchSuccessRate", "masteredSuccessRate", "scoreNormalisationOffset",
                       "hardFirstActiveTasks", "hardFirstLowReturn", "hardFirstHighReturn",
                       "hardFirstBudgetFraction", "hardFirstStageOneFraction"]
    static let derivedKeys = ["totalStepBudget": "run.totalEnvSteps"]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(config.kind, forKey: Key("kind"))
        try c.encode(config.inverseTemperature, forKey: Key("inverseTemperature"))
        try c.encode(config.stepSize, forKey: Key("stepSize"))
        try c.encodeIfPresent(config.floor, forKey: Key("floor"))
        try c.encode(config.maxReturn, forKey: Key("maxReturn"))
        try c.encode(config.successWindowEpisodes, forKey: Key("successWindowEpisodes"))
        try c.encode(config.targetSwitchSuccessRate, forKey: Key("targetSwitchSuccessRate"))
        try c.encode(config.masteredSuccessRate, forKey: Key("masteredSuccessRate"))
        try c.encode(config.scoreNormalisationOffset, forKey: Key("scoreNormalisationOffset"))
        try c.encode(config.hardFirstActiveTasks, forKey: Key("hardFirstActiveTasks"))
        try c.encode(config.hardFirstLowReturn, forKey: Key("hardFirstLowReturn"))
        try c.encode(config.hardFirstHighReturn, forKey: Key("hardFirstHighReturn"))
        try c.encode(config.hardFirstBudgetFraction, forKey: Key("hardFirstBudgetFraction"))
        try c.encode(config.hardFirstStageOneFraction, forKey: Key("hardFirstStageOneFraction"))
    }
}
