/// Every setting of the task samplers. Defaults are the paper's MetaWorld MT10 settings
/// (docs/samplers.md lists them); returns are in the environment's reward units (MetaWorld:
/// 500 steps x reward 10), so runs on other environments (the grid worlds) must scale the return
/// settings. Missing keys decode to their defaults, except `updateEveryEnvSteps`, which decodes
/// to 1.
public struct SamplerConfig: Codable, Equatable, Sendable {
    /// Which sampler draws the tasks. Default `drats`.
    public var kind: SamplerKind = .drats
    /// eta, inverse temperature of the KL-regularised adversary. Default 8 (paper; 3 for MOORE MT50).
    public var inverseTemperature: Double = 8
    /// s, mirror-ascent step size; alpha = s / eta, so 0 <= s <= eta. Default 0.5 (paper).
    public var stepSize: Double = 0.5
    /// eps, the least probability of every task; nil means 1 / (4 x task count) (0.025 on MT10).
    public var floor: Double? = nil
    /// The largest possible episode return, the target before the switch. Default 5000 (500 x 10).
    public var maxReturn: Double = 5000
    /// The sampler window, in environment steps: q is updated at the end of the first PPO rollout
    /// at which at least this many steps have passed since the last update, so a short PPO
    /// rollout does not shrink the window (docs/samplers.md, 'The sampler window is its own
    /// setting'; the authors update once per rollout of 10,000 steps per slot, about 200 finished
    /// episodes on MT10). 1 updates after every rollout. Default 100,000 (MT10); at most 10^12
    /// (`Limits.envSteps`).
    public var updateEveryEnvSteps: Int = 100_000
    /// Number of a task's most recent training episodes in its success rate. Default 50; at most
    /// 100,000 (`Limits.successWindowEpisodes`).
    public var successWindowEpisodes: Int = 50
    /// The target switches to the running maximum return once the success rate exceeds this. Default 0.5.
    public var targetSwitchSuccessRate: Double = 0.5
    /// Learning Progress: tasks whose success rate exceeds this get probability 0 before the floor. Default 0.9.
    public var masteredSuccessRate: Double = 0.9
    /// Learning Progress / Potential: scores are divided by (largest score + this). Default 0.01.
    public var scoreNormalisationOffset: Double = 0.01
    /// Hard First: K, the number of tasks active at once. Default 3 (MT10; 8 on MT50).
    public var hardFirstActiveTasks: Int = 3
    /// Hard First: a task whose budget is spent with a return below this is unsolvable. Default 2000.
    public var hardFirstLowReturn: Double = 2000
    /// Hard First: an active task whose window mean return exceeds this is solved, unless
    /// `hardFirstHighReturnPerTask` gives the task its own threshold. Default 3000.
    public var hardFirstHighReturn: Double = 3000
    /// Hard First: each task's own high threshold, in task order; nil gives every task
    /// `hardFirstHighReturn`. Run configs fill in the authors' per-task values for MetaWorld
    /// tasks (3000-4000; docs/samplers.md).
    public var hardFirstHighReturnPerTask: [Double]? = nil
    /// Hard First: an activated task's budget is this x remaining steps / K. Default 0.8.
    public var hardFirstBudgetFraction: Double = 0.8
    /// Hard First: stage 1 lasts this fraction of the total step budget. Default 0.85.
    public var hardFirstStageOneFraction: Double = 0.85
    /// Hard First: the run's total environment steps. Default 100,000,000 (paper MT10); at most
    /// 10^12 (`Limits.envSteps`).
    public var totalStepBudget: Int = 100_000_000

    public init() {}

    /// alpha = s / eta, the weight the step moves toward the adversary's optimum.
    public var mirrorAscentWeight: Double { stepSize / inverseTemperature }

    /// Task `task`'s Hard First high threshold.
    public func hardFirstHighReturn(task: Int) -> Double {
        guard let perTask = hardFirstHighReturnPerTask, perTask.indices.contains(task) else { return hardFirstHighReturn }
        return perTask[task]
    }

    /// The floor eps for `taskCount` tasks: the configured value, or 1 / (4 x task count).
    public func resolvedFloor(taskCount: Int) -> Double {
        floor ?? 1 / (4 * Double(max(taskCount, 1)))
    }

    private enum CodingKeys: String, CodingKey {
        case kind, inverseTemperature, stepSize, floor, maxReturn, updateEveryEnvSteps, successWindowEpisodes
        case targetSwitchSuccessRate, masteredSuccessRate, scoreNormalisationOffset
        case hardFirstActiveTasks, hardFirstLowReturn, hardFirstHighReturn, hardFirstHighReturnPerTask
        case hardFirstBudgetFraction, hardFirstStageOneFraction, totalStepBudget
    }

    /// Every key, except `updateEveryEnvSteps` when it is 1 (every rollout, the only behaviour
    /// before the key existed) and `hardFirstHighReturnPerTask` when nil: such a config encodes,
    /// and so hashes, as before, and its old checkpoints still resume.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(inverseTemperature, forKey: .inverseTemperature)
        try c.encode(stepSize, forKey: .stepSize)
        try c.encodeIfPresent(floor, forKey: .floor)
        try c.encode(maxReturn, forKey: .maxReturn)
        if updateEveryEnvSteps != 1 { try c.encode(updateEveryEnvSteps, forKey: .updateEveryEnvSteps) }
        try c.encode(successWindowEpisodes, forKey: .successWindowEpisodes)
        try c.encode(targetSwitchSuccessRate, forKey: .targetSwitchSuccessRate)
        try c.encode(masteredSuccessRate, forKey: .masteredSuccessRate)
        try c.encode(scoreNormalisationOffset, forKey: .scoreNormalisationOffset)
        try c.encode(hardFirstActiveTasks, forKey: .hardFirstActiveTasks)
        try c.encode(hardFirstLowReturn, forKey: .hardFirstLowReturn)
        try c.encode(hardFirstHighReturn, forKey: .hardFirstHighReturn)
        try c.encodeIfPresent(hardFirstHighReturnPerTask, forKey: .hardFirstHighReturnPerTask)
        try c.encode(hardFirstBudgetFraction, forKey: .hardFirstBudgetFraction)
        try c.encode(hardFirstStageOneFraction, forKey: .hardFirstStageOneFraction)
        try c.encode(totalStepBudget, forKey: .totalStepBudget)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var config = SamplerConfig()
        func read<T: Decodable>(_ key: CodingKeys, into value: inout T) throws {
            if let decoded = try c.decodeIfPresent(T.self, forKey: key) { value = decoded }
        }
        try read(.kind, into: &config.kind)
        try read(.inverseTemperature, into: &config.inverseTemperature)
        try read(.stepSize, into: &config.stepSize)
        config.floor = try c.decodeIfPresent(Double.self, forKey: .floor)
        try read(.maxReturn, into: &config.maxReturn)
        // Missing means 1: the encoding omits it only then, and before the key existed every
        // sampler updated after every rollout (so old checkpoints' configs mean 1).
        config.updateEveryEnvSteps = try c.decodeIfPresent(Int.self, forKey: .updateEveryEnvSteps) ?? 1
        try read(.successWindowEpisodes, into: &config.successWindowEpisodes)
        try read(.targetSwitchSuccessRate, into: &config.targetSwitchSuccessRate)
        try read(.masteredSuccessRate, into: &config.masteredSuccessRate)
        try read(.scoreNormalisationOffset, into: &config.scoreNormalisationOffset)
        try read(.hardFirstActiveTasks, into: &config.hardFirstActiveTasks)
        try read(.hardFirstLowReturn, into: &config.hardFirstLowReturn)
        try read(.hardFirstHighReturn, into: &config.hardFirstHighReturn)
        config.hardFirstHighReturnPerTask = try c.decodeIfPresent([Double].self, forKey: .hardFirstHighReturnPerTask)
        try read(.hardFirstBudgetFraction, into: &config.hardFirstBudgetFraction)
        try read(.hardFirstStageOneFraction, into: &config.hardFirstStageOneFraction)
        try read(.totalStepBudget, into: &config.totalStepBudget)
        self = config
    }
}
