import Networks

/// Rollout storage for one PPO iteration, allocated once: `numSteps` x `numEnvs` transitions,
/// row `step * numEnvs + env`, laid out as CleanRL's `obs`, `actions`, `logprobs`, `rewards`,
/// `dones`, `values` (flattened, they are the `b_`-prefixed batch tensors).
///
/// `dones[t]` follows CleanRL: 1 when observation t is the first of a new episode (the episode
/// before it ended). A time-limit truncation should be recorded as done with
/// gamma x V(final observation) added to the last reward, so GAE still bootstraps through it.
public final class RolloutBuffer {
    public let numSteps: Int
    public let numEnvs: Int
    public let observationSize: Int
    public let actionSize: Int

    /// [numSteps * numEnvs, observationSize]: observations, one-hot task id included.
    public let observations: Matrix
    /// [numSteps * numEnvs, actionSize]: sampled (unclipped) actions.
    public let actions: Matrix
    /// Log-probabilities of `actions` under the policy that sampled them.
    public let logProbs: Matrix
    public let rewards: Matrix
    public let dones: Matrix
    /// Critic values of `observations` at collection time.
    public let values: Matrix
    /// GAE advantages, filled by `computeAdvantages`.
    public let advantages: Matrix
    /// advantages + values, the critic's regression targets.
    public let returns: Matrix
    /// Task id of every transition (selects the heads).
    public let tasks: UnsafeMutablePointer<Int32>

    public init(numSteps: Int, numEnvs: Int, observationSize: Int, actionSize: Int) throws(PPOError) {
        guard numSteps >= 1, numEnvs >= 1, observationSize >= 1, actionSize >= 1 else {
            throw .shapeMismatch("a rollout buffer needs positive sizes, got numSteps \(numSteps), numEnvs \(numEnvs), observationSize \(observationSize), actionSize \(actionSize)")
        }
        self.numSteps = numSteps
        self.numEnvs = numEnvs
        self.observationSize = observationSize
        self.actionSize = actionSize
        let count = numSteps * numEnvs
        observations = Matrix(rows: count, columns: observationSize)
        actions = Matrix(rows: count, columns: actionSize)
        logProbs = Matrix(rows: count, columns: 1)
        rewards = Matrix(rows: count, columns: 1)
        dones = Matrix(rows: count, columns: 1)
        values = Matrix(rows: count, columns: 1)
        advantages = Matrix(rows: count, columns: 1)
        returns = Matrix(rows: count, columns: 1)
        tasks = .allocate(capacity: count)
        tasks.initialize(repeating: 0, count: count)
    }

    deinit { tasks.deallocate() }

    /// Transitions held: numSteps x numEnvs.
    public var count: Int { numSteps * numEnvs }

    /// Row index of (step, env).
    @inlinable public func index(step: Int, env: Int) -> Int { step * numEnvs + env }

    /// Generalised advantage estimation, exactly CleanRL's loop: `nextValues` and `nextDones`
    /// (numEnvs each) describe the observation after the last stored step.
    public func computeAdvantages(
        nextValues: UnsafePointer<Float>, nextDones: UnsafePointer<Float>, gamma: Double, gaeLambda: Double
    ) {
        let gamma = Float(gamma), lambda = Float(gaeLambda)
        let rewards = rewards.pointer, dones = dones.pointer, values = values.pointer
        let advantages = advantages.pointer, returns = returns.pointer
        for env in 0..<numEnvs {
            var lastGAELambda: Float = 0
            for t in stride(from: numSteps - 1, through: 0, by: -1) {
                let row = t * numEnvs + env
                let nextNonTerminal: Float, nextValue: Float
                if t == numSteps - 1 {
                    nextNonTerminal = 1 - nextDones[env]
                    nextValue = nextValues[env]
                } else {
                    nextNonTerminal = 1 - dones[row + numEnvs]
                    nextValue = values[row + numEnvs]
                }
                let delta = rewards[row] + gamma * nextValue * nextNonTerminal - values[row]
                lastGAELambda = delta + gamma * lambda * nextNonTerminal * lastGAELambda
                advantages[row] = lastGAELambda
                returns[row] = lastGAELambda + values[row]
            }
        }
    }
}
