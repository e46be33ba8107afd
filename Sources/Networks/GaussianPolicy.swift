import RandomStreams

/// How the policy's log standard deviation is produced: the authors' code has both
/// (docs/learner.md, 'The paper's settings').
public enum LogStdMode: String, Sendable, Codable, CaseIterable {
    /// One learned log-std vector per task, independent of the observation (the authors' MuJoCo code).
    case stateIndependent
    /// An extra output of the task's head (the authors' MetaWorld code), clamped to
    /// [GaussianPolicy.minimumLogStd, GaussianPolicy.maximumLogStd].
    case stateDependent
}

/// The actor: a trunk plus one head per task giving the mean (and, state-dependent, the
/// log-std) of a diagonal Gaussian over actions. No tanh squashing: the environment clips.
public final class GaussianPolicy: ParameterOwner {
    public static let minimumLogStd: Float = -5
    public static let maximumLogStd: Float = 2

    public let trunk: MLPTrunk
    public let heads: MultiHead
    public let actionSize: Int
    public let taskCount: Int
    public let logStdMode: LogStdMode
    /// Per-task log-std, shape [taskCount, actionSize]; only in `.stateIndependent` mode.
    public let logStd: Parameter?

    public var parameters: [Parameter] {
        trunk.parameters + heads.parameters + (logStd.map { [$0] } ?? [])
    }

    public init(
        observationSize: Int, hiddenSizes: [Int], taskCount: Int, actionSize: Int,
        logStdMode: LogStdMode, activation: Activation = .relu, name: String = "actor"
    ) throws(NetworksError) {
        trunk = try MLPTrunk(name: name + ".trunk", inputSize: observationSize, hiddenSizes: hiddenSizes, activation: activation)
        let width = logStdMode == .stateDependent ? 2 * actionSize : actionSize
        heads = try MultiHead(name: name + ".heads", taskCount: taskCount, inputSize: trunk.outputSize, outputSize: width)
        self.actionSize = actionSize
        self.taskCount = taskCount
        self.logStdMode = logStdMode
        logStd = logStdMode == .stateIndependent
            ? Parameter(name: name + ".log_std", rows: taskCount, columns: actionSize) : nil
    }

    /// CleanRL's initialisation: orthogonal trunk (gain sqrt 2), heads gain 0.01, log-std 0.
    public func initialize(seed: UInt64) throws(NetworksError) {
        var generator = Xoshiro256(seed: seed)
        try trunk.initializeOrthogonal(gain: Float(2).squareRoot(), using: &generator)
        try heads.initializeOrthogonal(gain: 0.01, using: &generator)
        logStd?.value.fill(0)
    }

    /// Buffers for up to `capacity` grouped rows.
    public final class Workspace {
        public let trunk: MLPTrunk.Workspace
        let headOutput: Matrix
        let headGradient: Matrix
        let trunkGradient: Matrix
        /// Gaussian means of the last forward pass, [capacity, actionSize], grouped order.
        public let mean: Matrix
        /// Log standard deviations of the last forward pass, [capacity, actionSize].
        public let logStd: Matrix

        public init(policy: GaussianPolicy, capacity: Int) {
            trunk = MLPTrunk.Workspace(trunk: policy.trunk, capacity: capacity)
            headOutput = Matrix(rows: capacity, columns: policy.heads.outputSize)
            headGradient = Matrix(rows: capacity, columns: policy.heads.outputSize)
            trunkGradient = Matrix(rows: capacity, columns: policy.trunk.outputSize)
            mean = Matrix(rows: capacity, columns: policy.actionSize)
            logStd = Matrix(rows: capacity, columns: policy.actionSize)
        }
    }

    /// Fills `workspace.mean` and `workspace.logStd` for `grouping.rows` observation rows that
    /// are already in grouped (task-sorted) order.
    public func forward(observations: UnsafePointer<Float>, grouping: TaskGrouping, workspace: Workspace) {
        let rows = grouping.rows, actions = actionSize
        let features = trunk.forward(input: observations, rows: rows, workspace: workspace.trunk)
        heads.forward(input: features, grouping: grouping, output: workspace.headOutput.pointer)
        let out = workspace.headOutput.pointer, width = heads.outputSize
        let mean = workspace.mean.pointer, logStdOut = workspace.logStd.pointer
        for row in 0..<rows {
            for j in 0..<actions { mean[row * actions + j] = out[row * width + j] }
        }
        if let logStd {
            for task in 0..<taskCount {
                let source = logStd.value.row(task)
                for row in grouping.segment(task) {
                    for j in 0..<actions { logStdOut[row * actions + j] = source[j] }
                }
            }
        } else {
            for row in 0..<rows {
                for j in 0..<actions {
                    let raw = out[row * width + actions + j]
                    logStdOut[row * actions + j] = min(max(raw, Self.minimumLogStd), Self.maximumLogStd)
                }
            }
        }
    }

    /// Accumulates parameter gradients given d(loss)/d(mean) and d(loss)/d(logStd) for the rows
    /// of the last `forward` (both [rows, actionSize], grouped order).
    public func backward(
        observations: UnsafePointer<Float>, grouping: TaskGrouping, workspace: Workspace,
        meanGradient: UnsafePointer<Float>, logStdGradient: UnsafePointer<Float>
    ) {
        let rows = grouping.rows, actions = actionSize, width = heads.outputSize
        let headGradient = workspace.headGradient.pointer
        for row in 0..<rows {
            for j in 0..<actions { headGradient[row * width + j] = meanGradient[row * actions + j] }
        }
        if let logStd {
            for task in 0..<taskCount {
                let destination = logStd.gradient.row(task)
                for row in grouping.segment(task) {
                    for j in 0..<actions { destination[j] += logStdGradient[row * actions + j] }
                }
            }
        } else {
            let out = workspace.headOutput.pointer
            for row in 0..<rows {
                for j in 0..<actions {
                    let raw = out[row * width + actions + j]
                    let inside = raw > Self.minimumLogStd && raw < Self.maximumLogStd
                    headGradient[row * width + actions + j] = inside ? logStdGradient[row * actions + j] : 0
                }
            }
        }
        let features = UnsafePointer(workspace.trunk.activations.last?.pointer ?? UnsafeMutablePointer(mutating: observations))
        heads.backward(
            input: features, outputGradient: headGradient, grouping: grouping,
            inputGradient: workspace.trunkGradient.pointer)
        trunk.backward(
            input: observations, outputGradient: workspace.trunkGradient.pointer, rows: rows,
            workspace: workspace.trunk)
    }
}
