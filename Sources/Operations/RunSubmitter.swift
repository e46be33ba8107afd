import Daemon
import RunConfiguration

/// `submit`: validates a config file, resolves it and queues the run.
public enum RunSubmitter {
    /// Loads `configPath`, checks that this build simulates its tasks (`availableTasks` per
    /// suite), and queues the resolved config. Every problem is reported at once as
    /// `RunConfigError.invalid`, naming the file and key.
    public static func submit(configPath: String, store: RunStore,
                              availableTasks: [EnvSuite: [String]]) throws -> (record: RunRecord, config: RunConfig) {
        let config = try prepare(configPath: configPath, seed: nil, availableTasks: availableTasks)
        return (try submit(config, store: store), config)
    }

    /// Loads and checks `configPath` like `submit` without queueing it; with `seed`, the
    /// config's `run.seed` is replaced (and every value derived from it resolved again), so
    /// the stored config records the seed the run uses.
    public static func prepare(configPath: String, seed: UInt64?, availableTasks: [EnvSuite: [String]]) throws -> RunConfig {
        var config = try RunConfig.load(file: configPath)
        let problems = unavailableTaskProblems(config, availableTasks: availableTasks)
        if !problems.isEmpty { throw RunConfigError.invalid(file: configPath, problems: problems) }
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

    /// The tasks of `config` that this build cannot simulate, one problem per task.
    public static func unavailableTaskProblems(_ config: RunConfig, availableTasks: [EnvSuite: [String]]) -> [ConfigProblem] {
        let available = availableTasks[config.env.suite] ?? []
        return config.env.tasks.enumerated().compactMap { index, task in
            guard !available.contains(task) else { return nil }
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return ConfigProblem(keyPath: "env.tasks[\(index)]",
                                 message: "'\(task)' is not simulated by this build of dratsd; available \(config.env.suite.rawValue) tasks: \(list)")
        }
    }

    /// One line describing what was queued, printed before the run id.
    public static func summary(_ config: RunConfig) -> String {
        "\(config.run.name): \(config.env.suite.rawValue), \(config.taskCount) task\(config.taskCount == 1 ? "" : "s"), "
            + "\(config.env.envSlots) slot\(config.env.envSlots == 1 ? "" : "s"), \(config.sampler.kind.rawValue) sampler, "
            + "\(config.run.totalEnvSteps) env steps in \(config.iterationCount) iteration\(config.iterationCount == 1 ? "" : "s"), seed \(config.run.seed)"
    }
}
