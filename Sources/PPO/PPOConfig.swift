import Foundation
import Networks
import RandomStreams

/// Every PPO setting, with the paper's defaults (docs/learner.md, 'The paper's settings') and
/// CleanRL's names.
///
/// Sizes that follow from these (`batchSize`, `minibatchSize`) are computed here and nowhere
/// else, without overflow for any field values. `validate()` reports every problem at once,
/// including counts beyond `Limits`.
public struct PPOConfig: Codable, Sendable, Equatable {
    /// Parallel environment slots; the paper runs one per task (10 on MT10). 1 to 4096
    /// (`Limits.numEnvs`).
    public var numEnvs: Int = 10
    /// Steps collected per slot per iteration (paper: 10,000, so 100k transitions per update).
    /// 1 to 10,000,000 (`Limits.numSteps`).
    public var numSteps: Int = 10_000
    /// Passes over the rollout per update (paper: 16). 1 to 10,000 (`Limits.updateEpochs`).
    public var updateEpochs: Int = 16
    /// Minibatches per epoch (paper: 32). 1 to `batchSize`.
    public var numMinibatches: Int = 32
    /// Adam step size (paper: 5e-4), constant over training.
    public var learningRate: Double = 5e-4
    /// Adam epsilon (paper: 1e-5, as in CleanRL).
    public var adamEpsilon: Double = 1e-5
    /// Gradient-norm clip (paper: 1.0): of each network's gradient on its own with `separate`
    /// optimisers, of actor and critic together with `joint`.
    public var maxGradNorm: Double = 1.0
    /// Discount factor (paper: 0.99).
    public var gamma: Double = 0.99
    /// GAE lambda (paper: 0.97).
    public var gaeLambda: Double = 0.97
    /// PPO surrogate clipping range (paper: 0.2).
    public var clipCoef: Double = 0.2
    /// Normalise advantages per minibatch (paper: on).
    public var normAdv: Bool = true
    /// How `normAdv` normalises: per task inside each minibatch (the authors' code, default) or
    /// over the whole minibatch. Also picks the Learning Potential score: mean |advantage| after
    /// per-task normalisation over the rollout, or of the raw advantages with `global`.
    public var advantageNormalization: AdvantageNormalization = .perTask
    /// One Adam and one gradient clip per network (the authors' code, default) or one for both.
    public var optimizers: ActorCriticOptimizers = .separate
    /// Entropy bonus coefficient (paper: 0.01 on MT10, 0.03 on MT50).
    public var entCoef: Double = 0.01
    /// Value-loss coefficient. CleanRL's 0.5; the authors' MetaWorld code uses 0.001
    /// (`configs/ablation-mt10/authors.yaml` runs it). It scales the critic's gradient only: with `separate` optimisers that changes how often the critic's
    /// own clip bites; with `joint`, the critic's share of the common gradient norm.
    public var vfCoef: Double = 0.5
    /// Target approximate KL; the update stops once a minibatch's approx KL exceeds
    /// `klStopFactor * targetKL` (paper: 0.05). nil disables early stopping.
    public var targetKL: Double? = 0.05
    /// Multiplier on `targetKL` for the early stop (paper: 1.5, as in Stable-Baselines3).
    public var klStopFactor: Double = 1.5
    /// Hidden layer widths of the actor and critic trunks (paper: 3 x 400); none makes both
    /// linear. At most 64 layers (`Limits.hiddenLayers`), each 1 to 65,536 wide
    /// (`Limits.hiddenWidth`).
    public var hiddenSizes: [Int] = [400, 400, 400]
    /// How the policy's log-std is produced (the authors' MetaWorld code: state-dependent).
    public var logStdMode: LogStdMode = .stateDependent
    /// Nonlinearity after every hidden layer of the actor and critic trunks (CleanRL and the
    /// authors' MetaWorld code: ReLU; CleanRL's continuous-action PPO: tanh).
    public var activation: Activation = .relu
    /// Factor on every environment reward before it enters the rollout (returns, GAE, the
    /// critic's targets); episode returns reported and seen by the samplers stay unscaled.
    /// MetaWorld rewards reach 10 per step, so discounted returns reach ~1000 and an
    /// unscaled critic's gradient swamps the actor's under a `joint` optimiser's shared
    /// `maxGradNorm` clip (measured so); CleanRL normalises rewards for the same reason.
    /// Default 1: the authors scale no rewards (docs/learner.md, 'The paper's settings').
    public var rewardScale: Double = 1
    /// Seed for initialisation, action sampling and minibatch shuffling.
    public var seed: UInt64 = 1

    public init() {}

    /// Decodes a config in which any field may be omitted; omitted fields keep their default,
    /// except `advantageNormalization` and `optimizers`: a config without them was written
    /// before they existed (checkpoint metadata, stored trainer configs), so it describes the
    /// learner of that time, `global` and `joint`. The run-config YAML, which people write,
    /// fills omitted keys with the defaults instead (`RunConfiguration`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PPOConfig.defaults
        numEnvs = try c.decodeIfPresent(Int.self, forKey: .numEnvs) ?? d.numEnvs
        numSteps = try c.decodeIfPresent(Int.self, forKey: .numSteps) ?? d.numSteps
        updateEpochs = try c.decodeIfPresent(Int.self, forKey: .updateEpochs) ?? d.updateEpochs
        numMinibatches = try c.decodeIfPresent(Int.self, forKey: .numMinibatches) ?? d.numMinibatches
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
        adamEpsilon = try c.decodeIfPresent(Double.self, forKey: .adamEpsilon) ?? d.adamEpsilon
        maxGradNorm = try c.decodeIfPresent(Double.self, forKey: .maxGradNorm) ?? d.maxGradNorm
        gamma = try c.decodeIfPresent(Double.self, forKey: .gamma) ?? d.gamma
        gaeLambda = try c.decodeIfPresent(Double.self, forKey: .gaeLambda) ?? d.gaeLambda
        clipCoef = try c.decodeIfPresent(Double.self, forKey: .clipCoef) ?? d.clipCoef
        normAdv = try c.decodeIfPresent(Bool.self, forKey: .normAdv) ?? d.normAdv
        advantageNormalization = try c.decodeIfPresent(AdvantageNormalization.self, forKey: .advantageNormalization) ?? .global
        optimizers = try c.decodeIfPresent(ActorCriticOptimizers.self, forKey: .optimizers) ?? .joint
        entCoef = try c.decodeIfPresent(Double.self, forKey: .entCoef) ?? d.entCoef
        vfCoef = try c.decodeIfPresent(Double.self, forKey: .vfCoef) ?? d.vfCoef
        targetKL = c.contains(.targetKL) ? try c.decodeIfPresent(Double.self, forKey: .targetKL) : d.targetKL
        klStopFactor = try c.decodeIfPresent(Double.self, forKey: .klStopFactor) ?? d.klStopFactor
        hiddenSizes = try c.decodeIfPresent([Int].self, forKey: .hiddenSizes) ?? d.hiddenSizes
        logStdMode = try c.decodeIfPresent(LogStdMode.self, forKey: .logStdMode) ?? d.logStdMode
        activation = try c.decodeIfPresent(Activation.self, forKey: .activation) ?? d.activation
        rewardScale = try c.decodeIfPresent(Double.self, forKey: .rewardScale) ?? d.rewardScale
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
    }

    enum CodingKeys: String, CodingKey {
        case numEnvs, numSteps, updateEpochs, numMinibatches, learningRate, adamEpsilon, maxGradNorm
        case gamma, gaeLambda, clipCoef, normAdv, advantageNormalization, optimizers, entCoef, vfCoef, targetKL, klStopFactor
        case hiddenSizes, logStdMode, activation, rewardScale, seed
    }

    /// Encodes every field; a disabled `targetKL` is written as null so it stays disabled.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(numEnvs, forKey: .numEnvs)
        try c.encode(numSteps, forKey: .numSteps)
        try c.encode(updateEpochs, forKey: .updateEpochs)
        try c.encode(numMinibatches, forKey: .numMinibatches)
        try c.encode(learningRate, forKey: .learningRate)
        try c.encode(adamEpsilon, forKey: .adamEpsilon)
        try c.encode(maxGradNorm, forKey: .maxGradNorm)
        try c.encode(gamma, forKey: .gamma)
        try c.encode(gaeLambda, forKey: .gaeLambda)
        try c.encode(clipCoef, forKey: .clipCoef)
        try c.encode(normAdv, forKey: .normAdv)
        // Written only when not the old learner's, so its configs (and checkpoints' config
        // hashes) from before the fields existed keep their hash and still resume.
        if advantageNormalization != .global { try c.encode(advantageNormalization, forKey: .advantageNormalization) }
        if optimizers != .joint { try c.encode(optimizers, forKey: .optimizers) }
        try c.encode(entCoef, forKey: .entCoef)
        try c.encode(vfCoef, forKey: .vfCoef)
        if let targetKL { try c.encode(targetKL, forKey: .targetKL) } else { try c.encodeNil(forKey: .targetKL) }
        try c.encode(klStopFactor, forKey: .klStopFactor)
        try c.encode(hiddenSizes, forKey: .hiddenSizes)
        try c.encode(logStdMode, forKey: .logStdMode)
        try c.encode(activation, forKey: .activation)
        // Written only when not 1, so configs (and checkpoints' config hashes) from before
        // the field existed keep their hash.
        if rewardScale != 1 { try c.encode(rewardScale, forKey: .rewardScale) }
        try c.encode(seed, forKey: .seed)
    }

    /// The paper's settings.
    public static let defaults = PPOConfig()

    /// Upper bounds on the counts. No real run comes near them (the paper: 10 slots, 10,000
    /// steps, 16 epochs, 3 x 400), and within them every size that follows (`batchSize` at most
    /// 4.1e10 transitions; buffers, layers and their bytes at most about 1.5e18, the activations
    /// of 64 layers 65,536 wide over one minibatch of every transition) fits in `Int`
    /// with room to spare, so nothing computed from a valid config can overflow. Whether such a
    /// run fits in memory is decided from the whole run config (`RunConfig.memoryEstimate` in
    /// RunConfiguration, checked by `submit`, `train` and the service).
    public enum Limits {
        /// Most parallel environment slots.
        public static let numEnvs = 4096
        /// Most steps per slot per iteration.
        public static let numSteps = 10_000_000
        /// Most passes over the rollout per update.
        public static let updateEpochs = 10_000
        /// Most hidden layers.
        public static let hiddenLayers = 64
        /// Widest hidden layer.
        public static let hiddenWidth = 65_536
    }

    /// Transitions per update: numEnvs x numSteps; `Int.max` when that product overflows
    /// (only for counts beyond `Limits`, which `problems()` reports).
    public var batchSize: Int {
        let (product, overflow) = numEnvs.multipliedReportingOverflow(by: numSteps)
        return overflow ? Int.max : product
    }
    /// Transitions per minibatch: batchSize / numMinibatches (the remainder is unused).
    public var minibatchSize: Int { numMinibatches > 0 ? batchSize / numMinibatches : 0 }

    /// Every invalid field, each naming the field, the value and what would be valid.
    public func problems() -> [String] {
        var problems: [String] = []
        func require(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        require((1...Limits.numEnvs).contains(numEnvs), "numEnvs is \(numEnvs); it must be between 1 and \(Limits.numEnvs)")
        require((1...Limits.numSteps).contains(numSteps), "numSteps is \(numSteps); it must be between 1 and \(Limits.numSteps)")
        require((1...Limits.updateEpochs).contains(updateEpochs),
                "updateEpochs is \(updateEpochs); it must be between 1 and \(Limits.updateEpochs)")
        // Checked only against a batch size within the limits, so a bad numEnvs or numSteps is
        // reported once, not again through their product.
        if (1...Limits.numEnvs).contains(numEnvs), (1...Limits.numSteps).contains(numSteps) {
            require(numMinibatches >= 1 && numMinibatches <= batchSize,
                    "numMinibatches is \(numMinibatches); it must be between 1 and numEnvs x numSteps (\(batchSize))")
        } else {
            require(numMinibatches >= 1, "numMinibatches is \(numMinibatches); it must be between 1 and numEnvs x numSteps")
        }
        require(learningRate > 0 && learningRate.isFinite, "learningRate is \(learningRate); it must be a positive number")
        require(adamEpsilon > 0 && adamEpsilon.isFinite, "adamEpsilon is \(adamEpsilon); it must be a positive number")
        require(maxGradNorm > 0 && maxGradNorm.isFinite, "maxGradNorm is \(maxGradNorm); it must be a positive number")
        require(gamma >= 0 && gamma <= 1, "gamma is \(gamma); it must be in [0, 1]")
        require(gaeLambda >= 0 && gaeLambda <= 1, "gaeLambda is \(gaeLambda); it must be in [0, 1]")
        require(clipCoef > 0 && clipCoef < 1, "clipCoef is \(clipCoef); it must be in (0, 1)")
        require(entCoef >= 0 && entCoef.isFinite, "entCoef is \(entCoef); it must be 0 or more")
        require(vfCoef > 0 && vfCoef.isFinite, "vfCoef is \(vfCoef); it must be a positive number")
        if let targetKL { require(targetKL > 0 && targetKL.isFinite, "targetKL is \(targetKL); it must be positive, or null to disable") }
        require(klStopFactor > 0 && klStopFactor.isFinite, "klStopFactor is \(klStopFactor); it must be a positive number")
        require(rewardScale > 0 && rewardScale.isFinite, "rewardScale is \(rewardScale); it must be a positive number")
        require(hiddenSizes.count <= Limits.hiddenLayers,
                "hiddenSizes has \(hiddenSizes.count) layers; it may have at most \(Limits.hiddenLayers)")
        require(hiddenSizes.allSatisfy { (1...Limits.hiddenWidth).contains($0) },
                "hiddenSizes is \(hiddenSizes.count <= 16 ? "\(hiddenSizes)" : "a list of \(hiddenSizes.count) widths"); every width must be between 1 and \(Limits.hiddenWidth)")
        return problems
    }

    /// Throws `PPOError.invalidConfig` listing every problem.
    public func validate() throws(PPOError) {
        let problems = problems()
        if !problems.isEmpty { throw .invalidConfig(problems) }
    }

    /// A stable 64-bit FNV-1a hash of the config's sorted-key JSON, stored in checkpoints so a
    /// checkpoint is not resumed under different settings unknowingly.
    public var configHash: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return FNV1a.hex((try? encoder.encode(self)) ?? Data())
    }
}
