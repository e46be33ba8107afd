import Foundation
import Testing
import Networks
import PPO

@Suite struct AdamTests {
    /// Two steps of torch.optim.Adam(lr=0.1, eps=1e-5) on known gradients, by hand.
    @Test func stepsMatchTorchFormula() throws {
        let parameter = Parameter(name: "p", rows: 1, columns: 2)
        parameter.value[0, 0] = 1; parameter.value[0, 1] = -2
        let adam = Adam(parameters: [parameter], learningRate: 0.1, epsilon: 1e-5)
        var p = [1.0, -2.0], m = [0.0, 0.0], v = [0.0, 0.0]
        for (step, gradient) in [[0.5, -3.0], [0.25, 1.0]].enumerated() {
            parameter.gradient[0, 0] = Float(gradient[0]); parameter.gradient[0, 1] = Float(gradient[1])
            adam.update()
            let t = Double(step + 1)
            for i in 0..<2 {
                m[i] = 0.9 * m[i] + 0.1 * gradient[i]
                v[i] = 0.999 * v[i] + 0.001 * gradient[i] * gradient[i]
                p[i] -= 0.1 / (1 - pow(0.9, t)) * m[i] / (v[i].squareRoot() / (1 - pow(0.999, t)).squareRoot() + 1e-5)
            }
            #expect(abs(Double(parameter.value[0, 0]) - p[0]) < 1e-5)
            #expect(abs(Double(parameter.value[0, 1]) - p[1]) < 1e-5)
        }
        #expect(adam.step == 2)
    }

    @Test func clipsGlobalNormAcrossParameters() {
        let a = Parameter(name: "a", rows: 1, columns: 1), b = Parameter(name: "b", rows: 1, columns: 1)
        a.gradient[0, 0] = 3; b.gradient[0, 0] = 4
        let adam = Adam(parameters: [a, b], learningRate: 0.1, epsilon: 1e-5)
        #expect(abs(adam.clipGradientNorm(maxNorm: 1) - 5) < 1e-9)
        #expect(abs(adam.gradientNorm() - 1) < 1e-5)
        #expect(abs(a.gradient[0, 0] - 0.6) < 1e-5)
        // Below the limit nothing changes.
        adam.clipGradientNorm(maxNorm: 10)
        #expect(abs(a.gradient[0, 0] - 0.6) < 1e-5)
    }

    @Test func stateRoundTripsAndRejectsBadTensors() throws {
        let parameter = Parameter(name: "p", rows: 2, columns: 2)
        let adam = Adam(parameters: [parameter], learningRate: 0.1, epsilon: 1e-5)
        parameter.gradient.fill(0.5)
        adam.update(); adam.update()
        let restored = Adam(parameters: [parameter], learningRate: 0.1, epsilon: 1e-5)
        try restored.importTensors(adam.exportTensors(), step: adam.step)
        #expect(restored.exportTensors() == adam.exportTensors())
        #expect(restored.step == 2)
        var bad = adam.exportTensors()
        bad["p.adam_v"] = NamedTensor(shape: [2, 2], values: [0, -1, 0, 0])
        #expect(throws: PPOError.self) { try restored.importTensors(bad, step: 2) }
        #expect(throws: PPOError.self) { try restored.importTensors(adam.exportTensors(), step: -1) }
    }
}
