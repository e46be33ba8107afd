import Testing
import Networks
import NetworkReference
import RandomStreams

@Suite struct LinearTests {
    @Test func forwardMatchesReference() {
        let layer = Linear(name: "layer", inputSize: 4, outputSize: 3)
        TestData.randomize(layer, seed: 1)
        let x = TestData.matrix(rows: 5, columns: 4, seed: 2)
        let y = Matrix(rows: 5, columns: 3)
        layer.forward(input: x.pointer, rows: 5, output: y.pointer)
        let reference = NetworkReference.linear(TestData.rows(x), NetworkReference.weights(of: layer), "layer", input: 4, output: 3)
        for r in 0..<5 { for c in 0..<3 { #expect(abs(Double(y[r, c]) - reference[r][c]) < 1e-5) } }
    }

    @Test func backwardPassesGradientCheck() {
        let layer = Linear(name: "layer", inputSize: 4, outputSize: 3)
        TestData.randomize(layer, seed: 3)
        let x = TestData.matrix(rows: 6, columns: 4, seed: 4)
        let coefficients = TestData.matrix(rows: 6, columns: 3, seed: 5)
        let dx = Matrix(rows: 6, columns: 4)
        layer.zeroGradients()
        layer.backward(input: x.pointer, outputGradient: coefficients.pointer, rows: 6, inputGradient: dx.pointer)
        let c = TestData.rows(coefficients), xRows = TestData.rows(x)
        func loss(_ weights: NetworkReference.Weights, _ input: [[Double]]) -> Double {
            let y = NetworkReference.linear(input, weights, "layer", input: 4, output: 3)
            return zip(y, c).reduce(0) { $0 + zip($1.0, $1.1).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        let check = NetworkReference.gradientCheck(layer) { loss($0, xRows) }
        #expect(check.passed, "\(check.worst)")
        let weights = NetworkReference.weights(of: layer)
        for r in 0..<6 {
            for i in 0..<4 {
                var plus = xRows, minus = xRows
                plus[r][i] += 1e-6; minus[r][i] -= 1e-6
                let numeric = (loss(weights, plus) - loss(weights, minus)) / 2e-6
                #expect(abs(Double(dx[r, i]) - numeric) < 1e-4)
            }
        }
    }

    @Test func backwardAccumulatesAcrossCalls() {
        let layer = Linear(name: "layer", inputSize: 2, outputSize: 2)
        let x = TestData.matrix(rows: 3, columns: 2, seed: 6)
        let g = TestData.matrix(rows: 3, columns: 2, seed: 7)
        layer.backward(input: x.pointer, outputGradient: g.pointer, rows: 3, inputGradient: nil)
        let once = layer.weight.gradient.values
        layer.backward(input: x.pointer, outputGradient: g.pointer, rows: 3, inputGradient: nil)
        #expect(zip(layer.weight.gradient.values, once).allSatisfy { abs($0 - 2 * $1) < 1e-5 })
    }

    @Test func zeroRowsChangeNothing() {
        let layer = Linear(name: "layer", inputSize: 2, outputSize: 2)
        let x = Matrix(rows: 0, columns: 2), y = Matrix(rows: 0, columns: 2)
        layer.forward(input: x.pointer, rows: 0, output: y.pointer)
        layer.backward(input: x.pointer, outputGradient: y.pointer, rows: 0, inputGradient: nil)
        #expect(layer.weight.gradient.values.allSatisfy { $0 == 0 })
    }

    @Test func orthogonalInitialisationIsOrthogonalAndScaled() throws {
        for (input, output) in [(6, 3), (3, 6)] {
            let layer = Linear(name: "layer", inputSize: input, outputSize: output)
            var generator = Xoshiro256(seed: 8)
            try layer.initializeOrthogonal(gain: 2, using: &generator)
            let w = layer.weight.value
            // The narrow side's vectors are orthogonal with norm = gain.
            let narrow = min(input, output)
            for i in 0..<narrow {
                for j in 0..<narrow {
                    var dot: Float = 0
                    for k in 0..<max(input, output) {
                        dot += input >= output ? w[i, k] * w[j, k] : w[k, i] * w[k, j]
                    }
                    #expect(abs(dot - (i == j ? 4 : 0)) < 1e-4)
                }
            }
            #expect(layer.bias.value.values.allSatisfy { $0 == 0 })
        }
    }
}
