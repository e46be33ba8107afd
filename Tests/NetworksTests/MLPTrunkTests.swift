import Testing
import Networks
import NetworkReference

@Suite struct MLPTrunkTests {
    @Test(arguments: Activation.allCases)
    func backwardPassesGradientCheck(activation: Activation) throws {
        let trunk = try MLPTrunk(name: "trunk", inputSize: 5, hiddenSizes: [7, 6, 4], activation: activation)
        TestData.randomize(trunk, seed: 11)
        let rows = 9
        let x = TestData.matrix(rows: rows, columns: 5, seed: 12)
        let coefficients = TestData.matrix(rows: rows, columns: 4, seed: 13)
        let workspace = MLPTrunk.Workspace(trunk: trunk, capacity: 16)
        let output = trunk.forward(input: x.pointer, rows: rows, workspace: workspace)
        let reference = NetworkReference.trunk(TestData.rows(x), NetworkReference.weights(of: trunk), trunk, name: "trunk")
        for r in 0..<rows { for c in 0..<4 { #expect(abs(Double(output[r * 4 + c]) - reference[r][c]) < 1e-4) } }

        let gradient = Matrix(rows: rows, columns: 4)
        try gradient.copy(from: coefficients)
        let dx = Matrix(rows: rows, columns: 5)
        trunk.zeroGradients()
        trunk.backward(input: x.pointer, outputGradient: gradient.pointer, rows: rows, workspace: workspace, inputGradient: dx.pointer)
        let c = TestData.rows(coefficients), xRows = TestData.rows(x)
        func loss(_ weights: NetworkReference.Weights, _ input: [[Double]]) -> Double {
            let y = NetworkReference.trunk(input, weights, trunk, name: "trunk")
            return zip(y, c).reduce(0) { $0 + zip($1.0, $1.1).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        let check = NetworkReference.gradientCheck(trunk) { loss($0, xRows) }
        #expect(check.passed, "\(check.worst)")
        #expect(check.checked == trunk.parameterCount)
        let weights = NetworkReference.weights(of: trunk)
        for r in 0..<rows {
            for i in 0..<5 {
                var plus = xRows, minus = xRows
                plus[r][i] += 1e-6; minus[r][i] -= 1e-6
                let numeric = (loss(weights, plus) - loss(weights, minus)) / 2e-6
                #expect(abs(Double(dx[r, i]) - numeric) < 1e-3)
            }
        }
    }

    @Test func rejectsNonPositiveSizes() {
        #expect(throws: NetworksError.self) { try MLPTrunk(name: "t", inputSize: 3, hiddenSizes: [4, 0], activation: .relu) }
        #expect(throws: NetworksError.self) { try MLPTrunk(name: "t", inputSize: 0, hiddenSizes: [4], activation: .relu) }
    }

    @Test func namesParametersForCheckpoints() throws {
        let trunk = try MLPTrunk(name: "actor.trunk", inputSize: 3, hiddenSizes: [4, 2], activation: .relu)
        #expect(trunk.parameters.map(\.name) == ["actor.trunk.0.weight", "actor.trunk.0.bias", "actor.trunk.1.weight", "actor.trunk.1.bias"])
        #expect(trunk.parameterCount == 3 * 4 + 4 + 4 * 2 + 2)
    }
}
