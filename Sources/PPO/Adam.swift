import Networks

/// Adam (Kingma & Ba) as PyTorch implements it, over a fixed list of parameters, with moment
/// buffers allocated once. Epsilon is added after the bias-corrected square root, like torch.
public final class Adam {
    public let parameters: [Parameter]
    /// First moments, one per parameter, same shapes.
    public let firstMoments: [Matrix]
    /// Second moments.
    public let secondMoments: [Matrix]
    public var learningRate: Double
    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    /// Optimisation steps taken (the bias corrections depend on it).
    public internal(set) var step: Int = 0

    public init(parameters: [Parameter], learningRate: Double, epsilon: Double, beta1: Double = 0.9, beta2: Double = 0.999) {
        self.parameters = parameters
        firstMoments = parameters.map { Matrix(rows: $0.value.rows, columns: $0.value.columns) }
        secondMoments = parameters.map { Matrix(rows: $0.value.rows, columns: $0.value.columns) }
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// The global L2 norm of all gradients.
    public func gradientNorm() -> Double { Self.gradientNorm(of: parameters) }

    /// The global L2 norm of the gradients of `parameters`, summed in their order.
    public static func gradientNorm(of parameters: [Parameter]) -> Double {
        var total = 0.0
        for parameter in parameters { total += BLAS.sumOfSquares(parameter.gradient.pointer, count: parameter.count) }
        return total.squareRoot()
    }

    /// Scales all gradients so their global norm is at most `maxNorm` (torch's
    /// clip_grad_norm_, including its 1e-6); returns the norm before clipping.
    @discardableResult
    public func clipGradientNorm(maxNorm: Double) -> Double {
        let norm = gradientNorm()
        let coefficient = maxNorm / (norm + 1e-6)
        if coefficient < 1 {
            let scale = Float(coefficient)
            for parameter in parameters {
                let g = parameter.gradient.pointer
                for index in 0..<parameter.count { g[index] *= scale }
            }
        }
        return norm
    }

    /// One Adam step from the current gradients.
    public func update() {
        step += 1
        let b1 = Float(beta1), b2 = Float(beta2)
        let stepSize = Float(learningRate / (1 - Foundation.pow(beta1, Double(step))))
        let correction2 = Float((1 - Foundation.pow(beta2, Double(step))).squareRoot())
        let eps = Float(epsilon)
        for (index, parameter) in parameters.enumerated() {
            let p = parameter.value.pointer, g = parameter.gradient.pointer
            let m = firstMoments[index].pointer, v = secondMoments[index].pointer
            for k in 0..<parameter.count {
                m[k] = b1 * m[k] + (1 - b1) * g[k]
                v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k]
                p[k] -= stepSize * m[k] / (v[k].squareRoot() / correction2 + eps)
            }
        }
    }

    /// Moments by parameter name (`<name>.adam_m`, `<name>.adam_v`), for checkpoints.
    public func exportTensors() -> [String: NamedTensor] {
        var tensors: [String: NamedTensor] = [:]
        for (index, parameter) in parameters.enumerated() {
            tensors[parameter.name + ".adam_m"] = NamedTensor(shape: parameter.shape, values: firstMoments[index].values)
            tensors[parameter.name + ".adam_v"] = NamedTensor(shape: parameter.shape, values: secondMoments[index].values)
        }
        return tensors
    }

    /// Restores moments and the step count; validates everything before changing anything.
    public func importTensors(_ tensors: [String: NamedTensor], step: Int) throws(PPOError) {
        guard step >= 0 else { throw .invalidState("Adam step is \(step); it must be 0 or more") }
        for parameter in parameters {
            for suffix in [".adam_m", ".adam_v"] {
                guard let tensor = tensors[parameter.name + suffix] else {
                    throw .invalidState("tensor '\(parameter.name + suffix)' is missing")
                }
                guard tensor.shape == parameter.shape, tensor.values.count == parameter.count else {
                    throw .invalidState("tensor '\(parameter.name + suffix)' has shape \(tensor.shape), expected \(parameter.shape)")
                }
                guard tensor.values.allSatisfy(\.isFinite), suffix == ".adam_m" || tensor.values.allSatisfy({ $0 >= 0 }) else {
                    throw .invalidState("tensor '\(parameter.name + suffix)' holds NaN, infinity or a negative second moment")
                }
            }
        }
        for (index, parameter) in parameters.enumerated() {
            for (suffix, matrix) in [(".adam_m", firstMoments[index]), (".adam_v", secondMoments[index])] {
                let values = tensors[parameter.name + suffix]!.values
                for k in 0..<values.count { matrix.pointer[k] = values[k] }
            }
        }
        self.step = step
    }
}

import Foundation
