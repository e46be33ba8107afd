import Foundation
import Testing
import Networks

@Suite struct ActivationTests {
    @Test(arguments: Activation.allCases)
    func backwardMatchesFiniteDifference(activation: Activation) {
        let inputs: [Float] = [-2, -0.7, -0.01, 0.02, 0.5, 1.9]
        var outputs = inputs
        outputs.withUnsafeMutableBufferPointer { activation.apply($0.baseAddress!, count: $0.count) }
        var gradient = [Float](repeating: 1, count: inputs.count)
        outputs.withUnsafeBufferPointer { out in
            gradient.withUnsafeMutableBufferPointer { activation.backward(output: out.baseAddress!, gradient: $0.baseAddress!, count: $0.count) }
        }
        func f(_ x: Double) -> Double { activation == .relu ? max(x, 0) : Foundation.tanh(x) }
        for (index, x) in inputs.enumerated() {
            let numeric = (f(Double(x) + 1e-6) - f(Double(x) - 1e-6)) / 2e-6
            #expect(abs(Double(gradient[index]) - numeric) < 1e-4)
            #expect(abs(Double(outputs[index]) - f(Double(x))) < 1e-6)
        }
    }

    @Test func reluKeepsNaNVisibleAndSendsNoGradient() {
        var values: [Float] = [.nan]
        values.withUnsafeMutableBufferPointer { Activation.relu.apply($0.baseAddress!, count: 1) }
        var gradient: [Float] = [1]
        values.withUnsafeBufferPointer { out in
            gradient.withUnsafeMutableBufferPointer { Activation.relu.backward(output: out.baseAddress!, gradient: $0.baseAddress!, count: 1) }
        }
        // A NaN stays visible in the output (so divergence is detected), and sends no gradient.
        #expect(values[0].isNaN)
        #expect(gradient[0] == 0)
    }
}
