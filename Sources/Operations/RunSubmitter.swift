import Daemon
import RunConfiguration
import Samplers

/// `submit`: validates a config file, resolves it and queues the run.
public enum RunSubmitter {
    /// What this build cannot train in a valid config, one problem each (`RunTrainability.problems`,
    /// passed in by the executable: this layer sits below the one that builds trainers).
    public typealias Trainability = (RunConfig) -> [ConfigProblem]

    /// Loads `configPath`, checks that this build can train it (`trainability`, the check
    /// `train` and `serve` make) and that a run of it fits in `memoryLimit`, and queues the
    /// resolved config. Every problem is reported at once as `RunConfigError.invalid`, naming the
    /// file and key; a config too big for the limit as `RunConfigError.exceedsMemory`.
    public static func submit(configPath: String, store: RunStore, trainability: Trainability,
                              memoryLimit: MemoryLimit) throws -> (record: RunRecord, config: RunConfig) {
        let config = try prepare(configPath: configPath, seed: nil, trainability: trainability, memoryLimit: memoryLimit)
        return (try submit(config, store: store), config)
    }

    /// Loads and checks `configPath` like `submit` without queueing it; with `seed`, the
    /// config's `run.seed` is replaced (and every value derived from it resolved again), so
    /// the stored config records the seed the run uses.
    public static func prepare(configPath: String, seed: UInt64?, trainability: Trainability,
                               memoryLimit: MemoryLimit) throws -> RunConfig {
        var config = try RunConfig.load(file: configPath)
        let problems = trainability(config)
        if !problems.isEmpty { throw RunConfigError.invalid(file: configPath, problems: problems) }
        try config.checkMemory(limit: memoryLimit, file: configPath)
        if let seed, seed != config.run.seed {
            config.run.seed = seed
            // Reloading the resolved text recomputes the derived fields (ppo.seed) in their one place.
            config = try RunConfig.load(yaml: try config.resolvedYAML(), file: configPath, defaultName: config.run.name)
        }
        return config
    }

    /// Queues an already prepared config.
    public static func submit(_ config: RunConfig, store: RunStore) throws -> RunRecord {
        let submission = RunSubmission(name: config.run.name, configText: try config.resolvedYAML(),
                                       samplerName: config.sampler.kind.rawValue, seed: config.run.seed,
                                       totalEnvSteps: Int64(config.run.totalEnvSteps))
        return try store.submit(submission)
    }

    /// One line describing what was queued (with its memory estimate), printed before the run id;
    /// it ends with the seed.
    public static func summary(_ config: RunConfig) -> String {
        "\(PrintableText.escaped(config.run.name)): \(config.env.suite.rawValue), \(config.taskCount) task\(config.taskCount == 1 ? "" : "s"), "
            + "\(config.env.envSlots) slot\(config.env.envSlots == 1 ? "" : "s"), \(config.sampler.kind.rawValue) sampler, "
            + "\(config.run.totalEnvSteps) env steps in \(config.iterationCount) iteration\(config.iterationCount == 1 ? "" : "s"), "
            + "memory about \(ByteCount.text(config.memoryEstimate.totalBytes)), seed \(config.run.seed)"
    }
}
