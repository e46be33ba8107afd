import PPO
import Samplers

/// Why a training run could not be built or continued, with what to check.
public enum TrainerError: Error, CustomStringConvertible {
    /// The slots, config or task names do not fit together; every problem is listed.
    case invalidSetup([String])
    /// A slot's `reset` or `step` threw.
    case environment(slot: Int, task: Int, description: String)
    /// The learner failed (shape mismatch, bad state).
    case ppo(PPOError)
    /// The sampler refused an observation (e.g. a non-finite return).
    case sampler(SamplerError)
    /// A trainer checkpoint cannot be built or does not fit this trainer; names the file.
    case checkpoint(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSetup(let problems):
            "invalid training setup: " + problems.joined(separator: "; ")
        case let .environment(slot, task, description):
            "environment slot \(slot) failed on task \(task): \(description)"
        case .ppo(let error):
            "PPO failed: \(error.description)"
        case .sampler(let error):
            "task sampler failed: \(error.description)"
        case let .checkpoint(path, reason):
            "trainer checkpoint \(path): \(reason)"
        }
    }
}
