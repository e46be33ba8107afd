/// Element-wise nonlinearities between linear layers. Both derivatives are computed from the
/// activation's output, so a network keeps only post-activation values for its backward pass.
public enum Activation: String, Sendable, Codable, CaseIterable {
    case relu
    case tanh

    /// values[i] = f(values[i]) in place.
    @inlinable
    public func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            VectorKernels.relu(values, count: count)
        case .tanh:
            for index in 0..<count { values[index] = Activation.tanhFloat(values[index]) }
        }
    }

    /// gradient[i] *= f'(x_i), given output[i] = f(x_i): turns d/d(output) into d/d(input).
    @inlinable
    public func backward(output: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, count: Int) {
        switch self {
        case .relu:
            VectorKernels.reluBackward(output: output, gradient: gradient, count: count)
        case .tanh:
            for index in 0..<count { gradient[index] *= 1 - output[index] * output[index] }
        }
    }

    @usableFromInline
    static func tanhFloat(_ x: Float) -> Float { tanhf(x) }
}

#if canImport(Glibc)
import Glibc
#endif
