import Networks
import PPO
import Samplers
import Trainer

/// The grid-world experiment (docs/evaluation.md, 'The grid-world experiment'): for each sampler
/// and seed, train a linear multi-task PPO agent until its deterministic policy first solves every
/// task at the success threshold, or until the step cap.
///
/// "Reaches 90% success on every task" is measured by a deterministic evaluation
/// (`evaluationEpisodesPerTask` episodes of every task with the Gaussian mean, ending at the
/// first success) after every iteration, i.e. after every sampler update (every
/// `numEnvs x numSteps` = 256 environment steps). Evaluation steps are not counted as training
/// steps. With the default slip of 0 the grid worlds and the greedy policy are deterministic,
/// so one episode per task is exact and "90%" means "every task solved".
public struct GridWorldExperimentConfig: Codable, Sendable, Equatable {
    /// Samplers to compare, in report order.
    public var samplers: [SamplerKind] = [.uniform, .drats]
    /// Seeds 1...seedCount are run for every sampler.
    public var seedCount: Int = 10
    /// Training stops here if the threshold was not reached (environment steps).
    public var stepCap: Int = 200_000
    /// Every task's evaluation success rate must reach this. Default 0.9.
    public var successThreshold: Double = 0.9
    /// Deterministic evaluation episodes per task after every iteration.
    public var evaluationEpisodesPerTask: Int = 1
    /// Probability that a grid move slips to a random one (0: deterministic worlds).
    public var slipProbability: Double = 0
    /// Slots training in parallel; numEnvs x numSteps = 256 is the sampler update period.
    public var numEnvs: Int = 4
    public var numSteps: Int = 64
    /// PPO on a linear policy and critic (no hidden layer: one linear head per task).
    public var hiddenSizes: [Int] = []
    /// One policy and one value head for all tasks (see `TrainerConfig.sharedHead`).
    public var sharedHead: Bool = true
    public var learningRate: Double = 0.003
    public var updateEpochs: Int = 4
    public var numMinibatches: Int = 4
    public var entCoef: Double = 0.0
    public var gamma: Double = 0.99
    /// DRATS and the mirror-ascent baselines: eta and step size (the paper swept eta over 1..64 and
    /// s over 0.01..1).
    public var inverseTemperature: Double = 8
    public var stepSize: Double = 0.5
    /// The floor eps. Default 0.01, the paper's for this experiment.
    public var floor: Double = 0.01
    /// Hard First on returns in [0, 1]: K active tasks, "low" and "high" return thresholds.
    public var hardFirstActiveTasks: Int = 2
    public var hardFirstLowReturn: Double = 0.1
    public var hardFirstHighReturn: Double = 0.9

    public init() {}

    /// The trainer config of one run.
    public func trainerConfig(sampler kind: SamplerKind, seed: UInt64) -> TrainerConfig {
        var ppo = PPOConfig()
        ppo.numEnvs = numEnvs
        ppo.numSteps = numSteps
        ppo.hiddenSizes = hiddenSizes
        ppo.learningRate = learningRate
        ppo.updateEpochs = updateEpochs
        ppo.numMinibatches = numMinibatches
        ppo.entCoef = entCoef
        ppo.gamma = gamma
        ppo.logStdMode = .stateIndependent
        var sampler = SamplerConfig()
        sampler.kind = kind
        sampler.inverseTemperature = inverseTemperature
        sampler.stepSize = kind == .uniform ? 0 : stepSize
        sampler.floor = floor
        sampler.maxReturn = 1
        sampler.updateEveryEnvSteps = 1   // every rollout: 256 steps finish 17 or more episodes
        sampler.hardFirstActiveTasks = hardFirstActiveTasks
        sampler.hardFirstLowReturn = hardFirstLowReturn
        sampler.hardFirstHighReturn = hardFirstHighReturn
        sampler.totalStepBudget = stepCap
        return TrainerConfig(ppo: ppo, sampler: sampler, seed: seed, evaluationEpisodesPerTask: evaluationEpisodesPerTask,
                             evaluationIntervalSteps: numEnvs * numSteps, sharedHead: sharedHead)
    }

    /// Every invalid setting, naming the field and what would be valid.
    public func problems() -> [String] {
        var problems: [String] = []
        if samplers.isEmpty { problems.append("no samplers; name at least one of \(SamplerKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        if Set(samplers).count != samplers.count { problems.append("samplers \(samplers.map(\.rawValue)) name one sampler twice") }
        if seedCount < 1 { problems.append("seed count is \(seedCount); it must be at least 1") }
        if stepCap < numEnvs * numSteps { problems.append("step cap \(stepCap) is below one iteration (\(numEnvs * numSteps) steps)") }
        if !(successThreshold > 0 && successThreshold <= 1) { problems.append("success threshold \(successThreshold) must be in (0, 1]") }
        if evaluationEpisodesPerTask < 1 { problems.append("evaluation episodes per task is \(evaluationEpisodesPerTask); it must be at least 1") }
        for kind in samplers {
            problems += trainerConfig(sampler: kind, seed: 1).ppo.problems()
            problems += trainerConfig(sampler: kind, seed: 1).sampler.validate(taskCount: GridWorldSlot.taskNames.count).map(\.description)
        }
        var seen = Set<String>()
        return problems.filter { seen.insert($0).inserted }
    }
}
