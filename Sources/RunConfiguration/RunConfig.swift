import PPO
import Samplers

/// Everything one training run needs, in nested parts like the YAML file: `run`, `env`, `ppo`
/// (which also holds the network: `hiddenSizes`, `logStdMode`), `sampler`, `evaluation` and
/// `checkpoint`.
///
/// A `RunConfig` is always resolved: defaults filled and the values that follow from others
/// set (see `RunConfig+Derived.swift`, the one place they are computed). Load one with
/// `RunConfig.load(yaml:file:)`; write it back with `resolvedYAML()`.
public struct RunConfig: Sendable, Equatable {
    /// Name, seed and step budget.
    public var run = RunSettings()
    /// Suite, tasks, slots and threads.
    public var env = EnvSettings()
    /// PPO and network settings (paper defaults). `numEnvs` is `env.envSlots` and `seed` is
    /// `run.seed`; the YAML cannot set them separately.
    public var ppo = PPOConfig()
    /// Task-sampler settings (paper defaults). `totalStepBudget` is `run.totalEnvSteps` and an
    /// omitted `floor` is 1 / (4 x task count); the YAML cannot set the budget separately.
    public var sampler = SamplerConfig()
    /// Periodic deterministic evaluation.
    public var evaluation = EvaluationSettings()
    /// Checkpoint frequency and retention.
    public var checkpoint = CheckpointSettings()

    /// The paper's MT10 settings, resolved.
    public init() { resolveDerivedValues() }
}

extension RunConfig: Encodable {
    private enum Sections: String, CodingKey { case run, env, ppo, sampler, evaluation, checkpoint }

    /// Encodes every section as the YAML file has it: the derived fields (`ppo.numEnvs`,
    /// `ppo.seed`, `sampler.totalStepBudget`) are left out because the file cannot set them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Sections.self)
        try c.encode(run, forKey: .run)
        try c.encode(env, forKey: .env)
        try c.encode(PPOSection(ppo), forKey: .ppo)
        try c.encode(SamplerSection(sampler, taskNames: env.tasks), forKey: .sampler)
        try c.encode(evaluation, forKey: .evaluation)
        try c.encode(checkpoint, forKey: .checkpoint)
    }
}
