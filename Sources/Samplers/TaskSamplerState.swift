import RandomStreams

/// Everything a task sampler changes while it runs. Saved in checkpoints: restoring it with the
/// same config gives the same future draws and updates.
public struct TaskSamplerState: Codable, Equatable, Sendable {
    /// q, the distribution the next episode's task is drawn from.
    public internal(set) var probabilities: [Double]
    /// Per-task windows, targets, running maxima and success flags.
    public internal(set) var tasks: [TaskRecord]
    /// The score of each task at the last update (gap, progress, potential or Hard First return).
    public internal(set) var scores: [Double]
    /// Mean |advantage| per task from the latest PPO update (Learning Potential's signal).
    public internal(set) var meanAbsoluteAdvantage: [Double]
    /// Hard First's stage, pools and budgets; nil for the other samplers.
    public internal(set) var hardFirst: HardFirstSchedule?
    /// The generator behind `sampleTask()`.
    public internal(set) var random: Xoshiro256
    /// Sampler updates done so far.
    public internal(set) var updateCount: Int
}
