import Daemon
import RunConfiguration
import Samplers

/// `submit`: validates a config file, resolves it and queues the run.
public enum RunSubmitter {
    /// What this build cannot train in a valid config, one problem each (`RunTrainability.problems`,
    /// passed in by the executable: this layer sits below the one that builds trainers).
    public typealias Trainability = (RunConfig) -> [ConfigProblem]

    /// Loads `configPath` with `overrides` applied, checks that this build can train it
    /// (`trainability`, the check `train` and `serve` make) and that a run of it fits in
    /// `memoryLimit`, and queues the resolved config. Every problem is reported at once as
    /// `RunConfigError.invalid`, naming the file and key (or the override that set the key); a
    /// config too big for the limit as `RunConfigError.exceedsMemory`.
    public static func submit(configPath: String, overrides: [ConfigOverride] = [], store: RunStore, trainability: Trainability,
                              memoryLimit: MemoryLimit) throws -> (record: RunRecord, config: RunConfig) {
        let config = try prepare(configPath: configPath, overrides: overrides, trainability: trainability, memoryLimit: memoryLimit)
        return (try submit(config, store: store), config)
    }

    /// Loads and checks `configPath` like `submit` without queueing it: the one check `submit`,
    /// `sweep` and `train` make of a config file. An override of `run.seed` (`--seeds`) is
    /// applied before the file is read, like any other, so every value derived from the seed
    /// follows it and the stored config records the seed the run uses.
    public static func prepare(configPath: String, overrides: [ConfigOverride] = [], trainability: Trainability,
                               memoryLimit: MemoryLimit) throws(RunConfigError) -> RunConfig {
        let config = try RunConfig.load(file: configPath, overrides: overrides)
        let problems = trainability(config)
        if !problems.isEmpty { throw .invalid(file: configPath, problems: ConfigOverride.attribute(problems, to: overrides)) }
        try config.checkMemory(limit: memoryLimit, file: configPath)
        return config
    }

    /// Queues an already prepared config.
    public static func submit(_ config: RunConfig, store: RunStore) throws -> RunRecord {
        try store.submit(try submission(config))
    }

    /// What the store queues for `config`: its resolved text and the facts the queue shows.
    public static func submission(_ config: RunConfig) throws -> RunSubmission {
        RunSubmission(name: config.run.name, configText: try config.resolvedYAML(),
                      samplerName: config.sampler.kind.rawValue, seed: config.run.seed,
                      totalEnvSteps: Int64(config.run.totalEnvSteps))
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
