import PPO

/// The `ppo` section as written to YAML: `PPOConfig` without the fields other sections set.
struct PPOSection: Encodable {
    let config: PPOConfig
    init(_ config: PPOConfig) { self.config = config }

    /// Keys the YAML may set, in the order they are written.
    static let keys = ["numSteps", "updateEpochs", "numMinibatches", "learningRate", "adamEpsilon", "maxGradNorm",
                       "gamma", "gaeLambda", "clipCoef", "normAdv", "advantageNormalization", "optimizers", "entCoef", "vfCoef", "targetKL", "klStopFactor",
                       "hiddenSizes", "logStdMode", "activation", "rewardScale"]
    /// Keys of `PPOConfig` that follow from other sections, with where to set them instead.
    static let derivedKeys = ["numEnvs": "env.envSlots", "seed": "run.seed"]

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: StringKey.self)
        try c.encode(config.numSteps, forKey: StringKey("numSteps"))
        try c.encode(config.updateEpochs, forKey: StringKey("updateEpochs"))
        try c.encode(config.numMinibatches, forKey: StringKey("numMinibatches"))
        try c.encode(config.learningRate, forKey: StringKey("learningRate"))
        try c.encode(config.adamEpsilon, forKey: StringKey("adamEpsilon"))
        try c.encode(config.maxGradNorm, forKey: StringKey("maxGradNorm"))
        try c.encode(config.gamma, forKey: StringKey("gamma"))
        try c.encode(config.gaeLambda, forKey: StringKey("gaeLambda"))
        try c.encode(config.clipCoef, forKey: StringKey("clipCoef"))
        try c.encode(config.normAdv, forKey: StringKey("normAdv"))
        // Always written: in YAML an omitted key means today's default, not the old learner.
        try c.encode(config.advantageNormalization, forKey: StringKey("advantageNormalization"))
        try c.encode(config.optimizers, forKey: StringKey("optimizers"))
        try c.encode(config.entCoef, forKey: StringKey("entCoef"))
        try c.encode(config.vfCoef, forKey: StringKey("vfCoef"))
        if let targetKL = config.targetKL { try c.encode(targetKL, forKey: StringKey("targetKL")) } else { try c.encodeNil(forKey: StringKey("targetKL")) }
        try c.encode(config.klStopFactor, forKey: StringKey("klStopFactor"))
        try c.encode(config.hiddenSizes, forKey: StringKey("hiddenSizes"))
        try c.encode(config.logStdMode, forKey: StringKey("logStdMode"))
        try c.encode(config.activation, forKey: StringKey("activation"))
        try c.encode(config.rewardScale, forKey: StringKey("rewardScale"))
    }
}
