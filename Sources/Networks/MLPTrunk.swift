import RandomStreams

/// A stack of linear layers, each followed by the same activation: the shared body of the
/// actor and the critic. Holds parameters only; per-batch buffers live in `MLPTrunk.Workspace`,
/// so one trunk serves rollout inference (a few rows) and training (a minibatch) alike.
public final class MLPTrunk: ParameterOwner {
    public let inputSize: Int
    public let hiddenSizes: [Int]
    public let activation: Activation
    public let layers: [Linear]

    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// Width of the trunk's output (its last hidden layer, or the input when there is none).
    public var outputSize: Int { hiddenSizes.last ?? inputSize }

    public init(name: String, inputSize: Int, hiddenSizes: [Int], activation: Activation) throws(NetworksError) {
        guard inputSize > 0, hiddenSizes.allSatisfy({ $0 > 0 }) else {
            throw .invalidShape("trunk '\(name)' needs positive sizes, got input \(inputSize), hidden \(hiddenSizes)")
        }
        self.inputSize = inputSize
        self.hiddenSizes = hiddenSizes
        self.activation = activation
        var layers: [Linear] = []
        var width = inputSize
        for (index, size) in hiddenSizes.enumerated() {
            layers.append(Linear(name: "\(name).\(index)", inputSize: width, outputSize: size))
            width = size
        }
        self.layers = layers
    }

    /// Orthogonal initialisation of every layer with `gain` (sqrt(2) for ReLU in CleanRL).
    public func initializeOrthogonal(gain: Float, using generator: inout Xoshiro256) throws(NetworksError) {
        for layer in layers { try layer.initializeOrthogonal(gain: gain, using: &generator) }
    }

    /// Buffers for up to `capacity` rows: every layer's activations and two gradient buffers.
    public final class Workspace {
        public let capacity: Int
        /// Post-activation output of each layer, [capacity, hiddenSizes[i]].
        public let activations: [Matrix]
        let gradientA: Matrix
        let gradientB: Matrix

        public init(trunk: MLPTrunk, capacity: Int) {
            self.capacity = max(capacity, 0)
            activations = trunk.hiddenSizes.map { Matrix(rows: capacity, columns: $0) }
            let widest = max(trunk.hiddenSizes.max() ?? 1, 1)
            gradientA = Matrix(rows: capacity, columns: widest)
            gradientB = Matrix(rows: capacity, columns: widest)
        }
    }

    /// Runs `rows` (<= workspace capacity) input rows through the trunk and returns the output
    /// rows (inside the workspace, valid until its next use). With no hidden layers, `input`.
    @inlinable
    public func forward(input: UnsafePointer<Float>, rows: Int, workspace: Workspace) -> UnsafePointer<Float> {
        var current = input
        for (index, layer) in layers.enumerated() {
            let output = workspace.activations[index].pointer
            layer.forward(input: current, rows: rows, output: output)
            activation.apply(output, count: rows * layer.outputSize)
            current = UnsafePointer(output)
        }
        return current
    }

    /// Backpropagates d(loss)/d(output) for the rows of the last `forward`, accumulating
    /// parameter gradients. `outputGradient` is consumed (overwritten). Writes d(loss)/d(input)
    /// when `inputGradient` is given.
    public func backward(
        input: UnsafePointer<Float>, outputGradient: UnsafeMutablePointer<Float>, rows: Int,
        workspace: Workspace, inputGradient: UnsafeMutablePointer<Float>? = nil
    ) {
        guard !layers.isEmpty else {
            inputGradient?.update(from: outputGradient, count: rows * inputSize)
            return
        }
        var gradient = outputGradient
        var spare = workspace.gradientA.pointer
        for index in stride(from: layers.count - 1, through: 0, by: -1) {
            let layer = layers[index]
            activation.backward(
                output: workspace.activations[index].pointer, gradient: gradient, count: rows * layer.outputSize)
            let layerInput = index == 0 ? input : UnsafePointer(workspace.activations[index - 1].pointer)
            let destination = index == 0 ? inputGradient : spare
            layer.backward(input: layerInput, outputGradient: gradient, rows: rows, inputGradient: destination)
            if index > 0 {
                let used = gradient
                gradient = spare
                spare = used == outputGradient ? workspace.gradientB.pointer : used
            }
        }
    }
}
