import PPO
import Samplers

/// The settings of one multi-task training run: the learner, the task sampler, the run's seed
/// and the evaluation. `ppo.numEnvs` must equal the number of slots; one iteration collects
/// `ppo.numEnvs x ppo.numSteps` transitions and ends with one PPO update and one sampler update.
public struct TrainerConfig: Codable, Sendable, Equatable {
    /// PPO settings (paper defaults). `ppo.seed` is ignored: the run's `seed` derives it.
    public var ppo: PPOConfig
    /// Task-sampler settings (paper defaults; scale the return settings to the environment).
    public var sampler: SamplerConfig
    /// The run's seed: network initialisation, action noise, minibatch order and task draws all
    /// follow from it. Default 1.
    public var seed: UInt64
    /// Deterministic evaluation episodes per task (MetaWorld's default 50). Default 50.
    public var evaluationEpisodesPerTask: Int
    /// `train` evaluates after every iteration that crosses a multiple of this many environment
    /// steps (paper MT10: 2,000,000); nil never evaluates. Default 2,000,000.
    public var evaluationIntervalSteps: Int?
    /// One policy head and one value head for all tasks instead of one per task (the paper's
    /// multi-head setting, default false). The one-hot task id in the observation still tells
    /// the tasks apart; with no hidden layer this is a linear agent over (observation, task).
    public var sharedHead: Bool
    /// Threads stepping the environment slots (the calling thread included; at most one per slot
    /// is used; 0 means one per available core, as the run config's `env.workerThreads`). A runtime choice, not a learning setting: every thread count gives the same
    /// numbers. Default 1.
    public var environmentThreads: Int

    public init(ppo: PPOConfig = PPOConfig(), sampler: SamplerConfig = SamplerConfig(), seed: UInt64 = 1, evaluationEpisodesPerTask: Int = 50,
                evaluationIntervalSteps: Int? = 2_000_000, sharedHead: Bool = false, environmentThreads: Int = 1) {
        self.ppo = ppo
        self.sampler = sampler
        self.seed = seed
        self.evaluationEpisodesPerTask = evaluationEpisodesPerTask
        self.sharedHead = sharedHead
        self.evaluationIntervalSteps = evaluationIntervalSteps
        self.environmentThreads = environmentThreads
    }

    private enum CodingKeys: String, CodingKey {
        case ppo, sampler, seed, evaluationEpisodesPerTask, evaluationIntervalSteps, sharedHead, environmentThreads
    }

    /// Decodes a config in which any key may be missing; missing keys keep their defaults
    /// (`evaluationIntervalSteps: null` disables evaluation).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TrainerConfig()
        ppo = try c.decodeIfPresent(PPOConfig.self, forKey: .ppo) ?? d.ppo
        sampler = try c.decodeIfPresent(SamplerConfig.self, forKey: .sampler) ?? d.sampler
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        evaluationEpisodesPerTask = try c.decodeIfPresent(Int.self, forKey: .evaluationEpisodesPerTask) ?? d.evaluationEpisodesPerTask
        evaluationIntervalSteps = c.contains(.evaluationIntervalSteps)
            ? try c.decodeIfPresent(Int.self, forKey: .evaluationIntervalSteps) : d.evaluationIntervalSteps
        sharedHead = try c.decodeIfPresent(Bool.self, forKey: .sharedHead) ?? d.sharedHead
        environmentThreads = try c.decodeIfPresent(Int.self, forKey: .environmentThreads) ?? d.environmentThreads
    }

    /// Encodes every key; a disabled evaluation is written as null so it stays disabled.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ppo, forKey: .ppo)
        try c.encode(sampler, forKey: .sampler)
        try c.encode(seed, forKey: .seed)
        try c.encode(evaluationEpisodesPerTask, forKey: .evaluationEpisodesPerTask)
        if let evaluationIntervalSteps { try c.encode(evaluationIntervalSteps, forKey: .evaluationIntervalSteps) } else { try c.encodeNil(forKey: .evaluationIntervalSteps) }
        try c.encode(sharedHead, forKey: .sharedHead)
        try c.encode(environmentThreads, forKey: .environmentThreads)
    }

    /// Independent seed streams derived from the run's seed (stream 0: PPO, 1: sampler, 2+: slots).
    public func derivedSeed(stream: UInt64) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* (stream &+ 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed for environment slot `index` (for slots with their own randomness).
    public func slotSeed(_ index: Int) -> UInt64 { derivedSeed(stream: 2 + UInt64(index)) }
}
