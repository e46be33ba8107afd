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
    /// The PPO update met a non-finite loss or gradient (the minibatches were not applied, but
    /// the learner is diverging); the caller restores its last checkpoint or stops the run.
    case nonFiniteLoss(iteration: Int, minibatches: Int)
    /// `abortCheck` asked to stop in the middle of an iteration's rollout or evaluation.
    case aborted(iteration: Int)
    /// A checkpoint could not be written, or is not a usable checkpoint of this run (malformed,
    /// a tensor or metadata key missing or of the wrong shape); `reason` names what is wrong.
    case checkpoint(path: String, reason: String)
    /// The checkpoint was written by a run with other learning settings (anything but
    /// `environmentThreads`): restoring it would not continue that run.
    case checkpointConfigMismatch(path: String, checkpointHash: String, runHash: String)

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
        case let .nonFiniteLoss(iteration, minibatches):
            "iteration \(iteration): the PPO loss or gradient was NaN or infinite in \(minibatches) minibatch\(minibatches == 1 ? "" : "es"); "
                + "the learner diverged (check ppo.learningRate, maxGradNorm and the rewards)"
        case let .aborted(iteration):
            "iteration \(iteration) was aborted on request before it finished; restore a checkpoint before training on"
        case let .checkpoint(path, reason):
            "checkpoint \(path): \(reason)"
        case let .checkpointConfigMismatch(path, checkpointHash, runHash):
            "checkpoint \(path) was written with trainer config hash \(checkpointHash) but this run's config hashes to \(runHash); "
                + "resume it with the config stored in its 'trainer_config' metadata (only environmentThreads may differ)"
        }
    }
}
