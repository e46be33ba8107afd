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
    /// Mean |advantage| per task over the last closed sampler window (Learning Potential's signal).
    public internal(set) var meanAbsoluteAdvantage: [Double]
    /// Hard First's stage, pools and budgets; nil for the other samplers.
    public internal(set) var hardFirst: HardFirstSchedule?
    /// The generator behind `sampleTask()`.
    public internal(set) var random: Xoshiro256
    /// Sampler updates done so far.
    public internal(set) var updateCount: Int
    /// Environment steps of the rollouts since the last update (the open window).
    public internal(set) var stepsSinceUpdate: Int = 0
    /// Per task, the open window's sum of (rollout mean |advantage| x the task's steps in that
    /// rollout), and those steps: their ratio is the window's mean |advantage|.
    public internal(set) var openWindowAdvantageSum: [Double] = []
    public internal(set) var openWindowAdvantageSteps: [Int] = []
}

extension TaskSamplerState {
    private enum CodingKeys: String, CodingKey {
        case probabilities, tasks, scores, meanAbsoluteAdvantage, hardFirst, random, updateCount
        case stepsSinceUpdate, openWindowAdvantageSum, openWindowAdvantageSteps
    }

    /// Checkpoints from before the sampler window had its own setting updated q after every
    /// rollout: they decode with an empty open window.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        probabilities = try c.decode([Double].self, forKey: .probabilities)
        tasks = try c.decode([TaskRecord].self, forKey: .tasks)
        scores = try c.decode([Double].self, forKey: .scores)
        meanAbsoluteAdvantage = try c.decode([Double].self, forKey: .meanAbsoluteAdvantage)
        hardFirst = try c.decodeIfPresent(HardFirstSchedule.self, forKey: .hardFirst)
        random = try c.decode(Xoshiro256.self, forKey: .random)
        updateCount = try c.decode(Int.self, forKey: .updateCount)
        stepsSinceUpdate = try c.decodeIfPresent(Int.self, forKey: .stepsSinceUpdate) ?? 0
        let count = probabilities.count
        openWindowAdvantageSum = try c.decodeIfPresent([Double].self, forKey: .openWindowAdvantageSum) ?? Array(repeating: 0, count: count)
        openWindowAdvantageSteps = try c.decodeIfPresent([Int].self, forKey: .openWindowAdvantageSteps) ?? Array(repeating: 0, count: count)
    }
}
