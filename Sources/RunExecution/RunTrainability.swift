import Manipulation
import RunConfiguration

/// Whether this build can train a valid config: the one check `submit`, `train` and `serve`
/// (and `eval`, through `TrainerFactory`) all make, so a config `submit` queues is one the
/// service can start. Validation (`RunConfig.load`) has already checked ranges and types; this
/// checks what depends on the build: which tasks it simulates and how a suite's slots are made.
public enum RunTrainability {
    /// Settings this build cannot train although the config is valid, one problem each.
    public static func problems(_ config: RunConfig) -> [ConfigProblem] {
        switch config.env.suite {
        case .gridworld:
            // A grid-world slot always holds the four worlds, in their order.
            guard config.env.tasks == EnvSuite.gridworld.taskNames else {
                return [ConfigProblem(keyPath: "env.tasks", message: "is \(config.env.tasks); the grid-world suite trains all four tasks in order: "
                                      + "\(EnvSuite.gridworld.taskNames.joined(separator: ", ")) (leave env.tasks out)")]
            }
            return []
        case .mt10:
            // An MT10 run trains MT10 tasks this build simulates (the MT50 tasks it also
            // simulates belong to no MT10 run).
            let available = MT10Suite.builtTasks.map(\.rawValue)
            return config.env.tasks.enumerated().compactMap { index, task in
                available.contains(task) ? nil
                    : ConfigProblem(keyPath: "env.tasks[\(index)]",
                                    message: "'\(task)' is not an MT10 task simulated by this build; available: \(available.joined(separator: ", "))")
            }
        }
    }
}
