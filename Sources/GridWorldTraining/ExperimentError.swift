import GridWorld
import Trainer

/// Why an experiment could not run, with what to change.
public enum ExperimentError: Error, CustomStringConvertible {
    /// The experiment's settings are invalid; every problem is listed.
    case invalidConfig([String])
    /// A training run failed.
    case training(sampler: String, seed: UInt64, TrainerError)
    /// The grid world refused its settings.
    case gridWorld(GridWorldError)

    public var description: String {
        switch self {
        case .invalidConfig(let problems): "invalid experiment settings: " + problems.joined(separator: "; ")
        case let .training(sampler, seed, error): "run \(sampler) seed \(seed) failed: \(error.description)"
        case .gridWorld(let error): "grid world: \(error.description)"
        }
    }
}
