import Networks
import WorkerThreads
import RandomStreams

/// A multi-task PPO agent: a Gaussian actor and a critic (each a trunk with one head per task),
/// their Adam optimisers (one each, or one over both: `config.optimizers`), a seeded generator, and every buffer its rollout inference and updates
/// need, allocated here once.
///
/// Observations given to the agent already include the one-hot task id; `tasks` selects heads.
public final class PPOAgent {
    public let config: PPOConfig
    public let observationSize: Int
    public let actionSize: Int
    public let taskCount: Int
    public let policy: GaussianPolicy
    public let critic: ValueNetwork
    /// The Adam optimisers of actor and critic.
    public let optimizer: ActorCriticAdam
    var generator: Xoshiro256

    /// Run the actor's and the critic's forward and backward passes on two threads at once
    /// (each with single-threaded BLAS) instead of letting BLAS split every GEMM. A runtime
    /// choice, not a learning setting; but it changes how many BLAS threads each GEMM gets, and
    /// the BLAS thread count changes the summation order (README, "Training throughput"), so
    /// numbers match exactly only between runs with the same BLAS threading.
    public var concurrentActorCritic = false

    /// Threads for rollout inference: with two or more parts, the critic's forward pass runs on
    /// the pool's first helper while the actor's runs on the caller's thread, so one `act` call
    /// uses two cores. Results are identical with or without. A pool set here is shared (a
    /// trainer lends the pool that steps its environments) and is not stopped by the agent.
    public var rolloutInferencePool: WorkerPool? {
        get { inferencePool }
        set {
            if ownsInferencePool { inferencePool?.stop() }
            inferencePool = newValue
            ownsInferencePool = false
        }
    }

    /// Runs rollout inference on a two-part pool that the agent owns (and stops when this is
    /// set to false or the agent goes away): lower latency per `act` call when a core is free.
    public var concurrentRolloutInference: Bool {
        get { inferencePool.map { $0.partCount >= 2 } ?? false }
        set {
            guard newValue != concurrentRolloutInference else { return }
            rolloutInferencePool = newValue ? WorkerPool(partCount: 2, name: "drats.rollout-inference") : nil
            ownsInferencePool = newValue
        }
    }
    private var inferencePool: WorkerPool?
    private var ownsInferencePool = false
    let rolloutForward: RolloutForward

    // Rollout inference, one row per environment slot.
    let rolloutCapacity: Int
    let rolloutGrouping: TaskGrouping
    let rolloutObservations: Matrix
    let policyRollout: GaussianPolicy.Workspace
    let criticRollout: ValueNetwork.Workspace

    // Updates.
    let minibatch: Minibatch
    let policyTraining: GaussianPolicy.Workspace
    let criticTraining: ValueNetwork.Workspace
    let meanGradient: Matrix
    let logStdGradient: Matrix
    let valueGradient: Matrix
    let batchIndices: UnsafeMutablePointer<Int>

    /// Builds and initialises (CleanRL's orthogonal scheme) the networks from `config.seed`.
    /// `inferenceSlots` (default `config.numEnvs`) is the most rows one `act` call may take,
    /// e.g. more when evaluation runs more environments at once than training.
    public init(
        config: PPOConfig, observationSize: Int, actionSize: Int, taskCount: Int, inferenceSlots: Int? = nil
    ) throws(PPOError) {
        try config.validate()
        guard observationSize >= 1, actionSize >= 1, taskCount >= 1 else {
            throw .shapeMismatch("observationSize \(observationSize), actionSize \(actionSize) and taskCount \(taskCount) must all be at least 1")
        }
        self.config = config
        self.observationSize = observationSize
        self.actionSize = actionSize
        self.taskCount = taskCount
        do {
            policy = try GaussianPolicy(
                observationSize: observationSize, hiddenSizes: config.hiddenSizes, taskCount: taskCount,
                actionSize: actionSize, logStdMode: config.logStdMode, activation: config.activation)
            critic = try ValueNetwork(
                observationSize: observationSize, hiddenSizes: config.hiddenSizes, taskCount: taskCount, activation: config.activation)
            var seeds = SplitMix64(seed: config.seed)
            try policy.initialize(seed: seeds.next())
            try critic.initialize(seed: seeds.next())
            generator = Xoshiro256(seed: seeds.next())
        } catch {
            throw .network(error)
        }
        optimizer = ActorCriticAdam(actor: policy.parameters, critic: critic.parameters, config: config)

        rolloutCapacity = max(config.numEnvs, inferenceSlots ?? 0)
        rolloutGrouping = TaskGrouping(taskCount: taskCount, capacity: rolloutCapacity)
        rolloutObservations = Matrix(rows: rolloutCapacity, columns: observationSize)
        policyRollout = GaussianPolicy.Workspace(policy: policy, capacity: rolloutCapacity)
        criticRollout = ValueNetwork.Workspace(network: critic, capacity: rolloutCapacity)
        rolloutForward = RolloutForward(
            policy: policy, policyWorkspace: policyRollout, critic: critic, criticWorkspace: criticRollout,
            observations: rolloutObservations, grouping: rolloutGrouping)

        let minibatchSize = config.minibatchSize
        minibatch = Minibatch(capacity: minibatchSize, observationSize: observationSize, actionSize: actionSize, taskCount: taskCount)
        policyTraining = GaussianPolicy.Workspace(policy: policy, capacity: minibatchSize)
        criticTraining = ValueNetwork.Workspace(network: critic, capacity: minibatchSize)
        meanGradient = Matrix(rows: minibatchSize, columns: actionSize)
        logStdGradient = Matrix(rows: minibatchSize, columns: actionSize)
        valueGradient = Matrix(rows: minibatchSize, columns: 1)
        batchIndices = .allocate(capacity: config.batchSize)
        batchIndices.initialize(repeating: 0, count: config.batchSize)
    }

    deinit {
        if ownsInferencePool { inferencePool?.stop() }
        batchIndices.deallocate()
    }

    /// A rollout buffer sized for this agent's config.
    public func makeRolloutBuffer() throws(PPOError) -> RolloutBuffer {
        try RolloutBuffer(numSteps: config.numSteps, numEnvs: config.numEnvs, observationSize: observationSize, actionSize: actionSize)
    }

    /// Learnable scalars in actor and critic together.
    public var parameterCount: Int { policy.parameterCount + critic.parameterCount }
}

/// log N(a; mean, exp(logStd)) summed over action dimensions.
@inlinable
func gaussianLogProbability(
    action: UnsafePointer<Float>, mean: UnsafePointer<Float>, logStd: UnsafePointer<Float>, count: Int
) -> Float {
    let halfLogTwoPi: Float = 0.918_938_5
    var total: Float = 0
    for j in 0..<count {
        let z = (action[j] - mean[j]) * expf(-logStd[j])
        total += -0.5 * z * z - logStd[j] - halfLogTwoPi
    }
    return total
}

#if canImport(Glibc)
import Glibc
#endif
