/// One learnable tensor: its values, the gradient accumulated by backward passes, and a stable
/// name used in checkpoints (for example `actor.trunk.0.weight`).
public final class Parameter {
    /// Checkpoint name, unique within a network.
    public let name: String
    /// Logical shape (a weight is [input, output], a bias [output]).
    public let shape: [Int]
    /// The values, stored as a matrix so BLAS can use them directly.
    public let value: Matrix
    /// d(loss)/d(value), accumulated by backward passes until `zeroGradient()`.
    public let gradient: Matrix

    public init(name: String, rows: Int, columns: Int, shape: [Int]? = nil) {
        self.name = name
        self.shape = shape ?? [rows, columns]
        value = Matrix(rows: rows, columns: columns)
        gradient = Matrix(rows: rows, columns: columns)
    }

    /// Number of scalars.
    public var count: Int { value.count }

    public func zeroGradient() { gradient.fill(0) }
}

/// A named Float32 tensor as stored in a checkpoint: shape and row-major values.
public struct NamedTensor: Sendable, Equatable {
    public var shape: [Int]
    public var values: [Float]

    public init(shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }
}

/// Anything made of learnable parameters: exports and imports them as named tensors.
public protocol ParameterOwner: AnyObject {
    /// Every learnable tensor, in a fixed order (the optimiser relies on the order).
    var parameters: [Parameter] { get }
}

extension ParameterOwner {
    /// Total number of learnable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Clears every gradient before a new backward pass.
    public func zeroGradients() { for parameter in parameters { parameter.zeroGradient() } }

    /// The parameters' values by name.
    public func exportTensors() -> [String: NamedTensor] {
        var tensors: [String: NamedTensor] = [:]
        for parameter in parameters {
            tensors[parameter.name] = NamedTensor(shape: parameter.shape, values: parameter.value.values)
        }
        return tensors
    }

    /// Fills every parameter from `tensors`; checks every name, shape and value before changing
    /// anything, so a failed import leaves the network as it was. Extra tensors are ignored.
    public func importTensors(_ tensors: [String: NamedTensor]) throws(NetworksError) {
        for parameter in parameters {
            guard let tensor = tensors[parameter.name] else { throw .missingTensor(name: parameter.name) }
            guard tensor.shape == parameter.shape, tensor.values.count == parameter.count else {
                throw .tensorShapeMismatch(name: parameter.name, expected: parameter.shape, found: tensor.shape)
            }
            guard tensor.values.allSatisfy(\.isFinite) else { throw .nonFiniteTensor(name: parameter.name) }
        }
        for parameter in parameters {
            let values = tensors[parameter.name]!.values
            values.withUnsafeBufferPointer { source in
                if let base = source.baseAddress { parameter.value.pointer.update(from: base, count: values.count) }
            }
        }
    }
}
