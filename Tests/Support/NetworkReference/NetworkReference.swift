import Foundation
import Networks

/// A plain Float64 re-implementation of the networks' forward passes, written with loops and no
/// BLAS, used as the reference for finite-difference gradient checks: the Float32 analytic
/// gradients are compared with central differences of this Double loss.
public enum NetworkReference {
    public typealias Weights = [String: [Double]]

    /// The network's parameters as Double values by name.
    public static func weights(of owner: ParameterOwner) -> Weights {
        owner.exportTensors().mapValues { $0.values.map(Double.init) }
    }

    /// y = x W^T + b with W [output, input] row-major (PyTorch's layout).
    public static func linear(_ x: [[Double]], _ weights: Weights, _ name: String, input: Int, output: Int) -> [[Double]] {
        let w = weights[name + ".weight"]!, b = weights[name + ".bias"]!
        return x.map { row in
            (0..<output).map { o in
                var sum = b[o]
                for i in 0..<input { sum += row[i] * w[o * input + i] }
                return sum
            }
        }
    }

    public static func activate(_ x: [[Double]], _ activation: Activation) -> [[Double]] {
        x.map { row in row.map { activation == .relu ? max($0, 0) : Foundation.tanh($0) } }
    }

    public static func trunk(_ x: [[Double]], _ weights: Weights, _ trunk: MLPTrunk, name: String) -> [[Double]] {
        var current = x, width = trunk.inputSize
        for (index, size) in trunk.hiddenSizes.enumerated() {
            current = activate(linear(current, weights, "\(name).\(index)", input: width, output: size), trunk.activation)
            width = size
        }
        return current
    }

    public static func heads(_ x: [[Double]], tasks: [Int], _ weights: Weights, _ heads: MultiHead, name: String) -> [[Double]] {
        zip(x, tasks).map { row, task in
            linear([row], weights, "\(name).\(task)", input: heads.inputSize, output: heads.outputSize)[0]
        }
    }

    /// Means and log-stds of `policy` (named "actor") for each row.
    public static func policy(
        _ x: [[Double]], tasks: [Int], _ weights: Weights, _ policy: GaussianPolicy
    ) -> (mean: [[Double]], logStd: [[Double]]) {
        let features = trunk(x, weights, policy.trunk, name: "actor.trunk")
        let out = heads(features, tasks: tasks, weights, policy.heads, name: "actor.heads")
        let a = policy.actionSize
        let mean = out.map { Array($0[0..<a]) }
        let logStd: [[Double]]
        if policy.logStdMode == .stateIndependent {
            let table = weights["actor.log_std"]!
            logStd = tasks.map { task in (0..<a).map { table[task * a + $0] } }
        } else {
            let low = Double(GaussianPolicy.minimumLogStd), high = Double(GaussianPolicy.maximumLogStd)
            logStd = out.map { $0[a..<(2 * a)].map { min(max($0, low), high) } }
        }
        return (mean, logStd)
    }

    /// Values of `network` (named "critic") for each row.
    public static func value(_ x: [[Double]], tasks: [Int], _ weights: Weights, _ network: ValueNetwork) -> [Double] {
        let features = trunk(x, weights, network.trunk, name: "critic.trunk")
        return heads(features, tasks: tasks, weights, network.heads, name: "critic.heads").map { $0[0] }
    }

    /// Largest violation of |analytic - numeric| <= absolute + relative * |numeric| over every
    /// scalar of every parameter of `owner`; numeric is the central difference of `loss`.
    /// Returns the worst (name, index, analytic, numeric) for the failure message.
    public static func gradientCheck(
        _ owner: ParameterOwner, step: Double = 1e-6, absolute: Double = 1e-4, relative: Double = 2e-3,
        loss: (Weights) -> Double
    ) -> (passed: Bool, worst: String, checked: Int) {
        let base = weights(of: owner)
        var worstExcess = -Double.infinity, worst = "", checked = 0
        for parameter in owner.parameters {
            let analytic = parameter.gradient.values
            for index in 0..<parameter.count {
                var plus = base, minus = base
                plus[parameter.name]![index] += step
                minus[parameter.name]![index] -= step
                let numeric = (loss(plus) - loss(minus)) / (2 * step)
                let excess = abs(Double(analytic[index]) - numeric) - (absolute + relative * abs(numeric))
                checked += 1
                if excess > worstExcess {
                    worstExcess = excess
                    worst = "\(parameter.name)[\(index)]: analytic \(analytic[index]) numeric \(numeric)"
                }
            }
        }
        return (worstExcess <= 0 && checked > 0, worst, checked)
    }
}
