/// Errors of the networks module: bad shapes, bad imported tensors, numerical library failures.
public enum NetworksError: Error, CustomStringConvertible, Equatable {
    /// A size or shape that cannot work, with what was asked.
    case invalidShape(String)
    /// A tensor needed by `importTensors` is absent.
    case missingTensor(name: String)
    /// An imported tensor's shape differs from the parameter it should fill.
    case tensorShapeMismatch(name: String, expected: [Int], found: [Int])
    /// An imported tensor holds NaN or infinity.
    case nonFiniteTensor(name: String)
    /// A LAPACK routine reported failure.
    case lapackFailure(String, Int)

    public var description: String {
        switch self {
        case .invalidShape(let detail):
            return "invalid network shape: \(detail)"
        case .missingTensor(let name):
            return "tensor '\(name)' is missing; the checkpoint was written for a different network layout"
        case .tensorShapeMismatch(let name, let expected, let found):
            return "tensor '\(name)' has shape \(found) but the network expects \(expected); check hidden sizes, task count and action size"
        case .nonFiniteTensor(let name):
            return "tensor '\(name)' contains NaN or infinity; the checkpoint is corrupt or training diverged"
        case .lapackFailure(let routine, let status):
            return "LAPACK \(routine) failed with status \(status)"
        }
    }
}
