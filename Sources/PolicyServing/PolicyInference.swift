import Networks
import RandomStreams

/// One observation at a time through a `CheckpointPolicy`: the actor's Gaussian mean and
/// log-std, the action (the mean, or a seeded sample), and the critic's value. Every buffer is
/// allocated once here; `evaluate` allocates nothing.
///
/// Use: write the task's observation into `observation`, call `evaluate(task:)`, read `mean`,
/// `logStd` and `action`.
public final class PolicyInference {
    public let checkpoint: CheckpointPolicy
    /// Network input row: the caller's observation, then the one-hot task id written by `evaluate`.
    private let input: Matrix
    private let grouping: TaskGrouping
    private let heads: UnsafeMutablePointer<Int32>
    private let policyWorkspace: GaussianPolicy.Workspace
    private let criticWorkspace: ValueNetwork.Workspace
    private let actionBuffer: UnsafeMutableBufferPointer<Float>
    /// Drawing actions from the Gaussian instead of taking its mean; nil for the mean.
    private var generator: Xoshiro256?

    /// With `samplingSeed`, `action` is mean + exp(logStd) * N(0, 1) from a generator seeded
    /// with it (the same seed gives the same actions); without, `action` is the mean.
    public init(checkpoint: CheckpointPolicy, samplingSeed: UInt64? = nil) {
        self.checkpoint = checkpoint
        input = Matrix(rows: 1, columns: checkpoint.observationSize)
        input.fill(0)
        grouping = TaskGrouping(taskCount: checkpoint.headCount, capacity: 1)
        heads = .allocate(capacity: 1)
        heads.initialize(to: 0)
        policyWorkspace = GaussianPolicy.Workspace(policy: checkpoint.policy, capacity: 1)
        criticWorkspace = ValueNetwork.Workspace(network: checkpoint.critic, capacity: 1)
        actionBuffer = .allocate(capacity: checkpoint.actionSize)
        actionBuffer.initialize(repeating: 0)
        generator = samplingSeed.map { Xoshiro256(seed: $0) }
    }

    deinit {
        heads.deallocate()
        actionBuffer.deallocate()
    }

    /// Whether `action` is a sample rather than the mean.
    public var samples: Bool { generator != nil }

    /// Where the caller writes the task's observation (`slotObservationSize` values).
    public var observation: UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(start: input.pointer, count: checkpoint.slotObservationSize)
    }

    /// The Gaussian mean of the last `evaluate`.
    public var mean: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: policyWorkspace.mean.pointer, count: checkpoint.actionSize) }
    /// The log standard deviation of the last `evaluate` (clamped as in training).
    public var logStd: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: policyWorkspace.logStd.pointer, count: checkpoint.actionSize) }
    /// The action of the last `evaluate`.
    public var action: UnsafeBufferPointer<Float> { UnsafeBufferPointer(actionBuffer) }

    /// Runs actor and critic on `observation` for `task` (0..<taskCount) and returns the value.
    public func evaluate(task: Int) throws(PolicyServingError) -> Float {
        guard task >= 0, task < checkpoint.taskCount else { throw .taskOutOfRange(task, taskCount: checkpoint.taskCount) }
        let oneHot = input.pointer + checkpoint.slotObservationSize
        oneHot.update(repeating: 0, count: checkpoint.taskCount)
        oneHot[task] = 1
        heads.pointee = Int32(checkpoint.head(of: task))
        // Cannot fail: one row, a head id checked above.
        try? grouping.group(tasks: heads, count: 1)
        checkpoint.policy.forward(observations: input.pointer, grouping: grouping, workspace: policyWorkspace)
        checkpoint.critic.forward(observations: input.pointer, grouping: grouping, workspace: criticWorkspace)
        let mean = policyWorkspace.mean.pointer, logStd = policyWorkspace.logStd.pointer
        if var sampler = generator {
            for j in 0..<checkpoint.actionSize { actionBuffer[j] = mean[j] + expf(logStd[j]) * Float(sampler.nextGaussian()) }
            generator = sampler
        } else {
            for j in 0..<checkpoint.actionSize { actionBuffer[j] = mean[j] }
        }
        return criticWorkspace.values.pointer[0]
    }
}

#if canImport(Glibc)
import Glibc
#endif
