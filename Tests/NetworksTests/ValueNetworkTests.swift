import Testing
import Networks
import NetworkReference

@Suite struct ValueNetworkTests {
    @Test func backwardPassesGradientCheck() throws {
        let network = try ValueNetwork(observationSize: 4, hiddenSizes: [6, 5], taskCount: 3)
        TestData.randomize(network, seed: 31, scale: 0.4)
        let tasks: [Int32] = [0, 1, 1, 1, 2, 2]
        let rows = tasks.count
        let x = TestData.matrix(rows: rows, columns: 4, seed: 32)
        let grouping = TaskGrouping(taskCount: 3, capacity: rows)
        try tasks.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: rows) }
        let workspace = ValueNetwork.Workspace(network: network, capacity: rows)
        network.forward(observations: x.pointer, grouping: grouping, workspace: workspace)
        let taskIds = tasks.map(Int.init), xRows = TestData.rows(x)
        let reference = NetworkReference.value(xRows, tasks: taskIds, NetworkReference.weights(of: network), network)
        for r in 0..<rows { #expect(abs(Double(workspace.values[r, 0]) - reference[r]) < 1e-5) }

        let coefficients = TestData.matrix(rows: rows, columns: 1, seed: 33)
        network.zeroGradients()
        network.backward(observations: x.pointer, grouping: grouping, workspace: workspace, valueGradient: coefficients.pointer)
        let c = coefficients.values.map(Double.init)
        let check = NetworkReference.gradientCheck(network) { weights in
            zip(NetworkReference.value(xRows, tasks: taskIds, weights, network), c).reduce(0) { $0 + $1.0 * $1.1 }
        }
        #expect(check.passed, "\(check.worst)")
    }
}
