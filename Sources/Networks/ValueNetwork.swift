import RandomStreams

/// The critic: a trunk plus one scalar head per task estimating the state value.
public final class ValueNetwork: ParameterOwner {
    public let trunk: MLPTrunk
    public let heads: MultiHead

    public var parameters: [Parameter] { trunk.parameters + heads.parameters }

    public init(
        observationSize: Int, hiddenSizes: [Int], taskCount: Int,
        activation: Activation = .relu, name: String = "critic"
    ) throws(NetworksError) {
        trunk = try MLPTrunk(name: name + ".trunk", inputSize: observationSize, hiddenSizes: hiddenSizes, activation: activation)
        heads = try MultiHead(name: name + ".heads", taskCount: taskCount, inputSize: trunk.outputSize, outputSize: 1)
    }

    /// CleanRL's initialisation: orthogonal trunk (gain sqrt 2), heads gain 1.
    public func initialize(seed: UInt64) throws(NetworksError) {
        var generator = Xoshiro256(seed: seed)
        try trunk.initializeOrthogonal(gain: Float(2).squareRoot(), using: &generator)
        try heads.initializeOrthogonal(gain: 1, using: &generator)
    }

    /// Buffers for up to `capacity` grouped rows.
    public final class Workspace {
        public let trunk: MLPTrunk.Workspace
        let trunkGradient: Matrix
        /// Values of the last forward pass, [capacity, 1], grouped order.
        public let values: Matrix

        public init(network: ValueNetwork, capacity: Int) {
            trunk = MLPTrunk.Workspace(trunk: network.trunk, capacity: capacity)
            trunkGradient = Matrix(rows: capacity, columns: network.trunk.outputSize)
            values = Matrix(rows: capacity, columns: 1)
        }
    }

    /// Fills `workspace.values` for `grouping.rows` observation rows in grouped order.
    public func forward(observations: UnsafePointer<Float>, grouping: TaskGrouping, workspace: Workspace) {
        let features = trunk.forward(input: observations, rows: grouping.rows, workspace: workspace.trunk)
        heads.forward(input: features, grouping: grouping, output: workspace.values.pointer)
    }

    /// Accumulates parameter gradients given d(loss)/d(value) per row of the last `forward`.
    public func backward(
        observations: UnsafePointer<Float>, grouping: TaskGrouping, workspace: Workspace,
        valueGradient: UnsafePointer<Float>
    ) {
        let features = UnsafePointer(workspace.trunk.activations.last?.pointer ?? UnsafeMutablePointer(mutating: observations))
        heads.backward(
            input: features, outputGradient: valueGradient, grouping: grouping,
            inputGradient: workspace.trunkGradient.pointer)
        trunk.backward(
            input: observations, outputGradient: workspace.trunkGradient.pointer, rows: grouping.rows,
            workspace: workspace.trunk)
    }
}
