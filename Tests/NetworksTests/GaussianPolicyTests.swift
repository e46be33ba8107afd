import Testing
import MallocCounter
import Networks
import NetworkReference

@Suite struct GaussianPolicyTests {
    /// Grouped task ids with task 1 absent, so an empty head segment is exercised.
    static let tasks: [Int32] = [0, 0, 0, 2, 2, 3, 3, 3]

    @Test(arguments: LogStdMode.allCases)
    func backwardPassesGradientCheck(mode: LogStdMode) throws {
        let policy = try GaussianPolicy(observationSize: 5, hiddenSizes: [6, 5], taskCount: 4, actionSize: 3, logStdMode: mode)
        TestData.randomize(policy, seed: 21, scale: 0.4)
        let rows = Self.tasks.count
        let x = TestData.matrix(rows: rows, columns: 5, seed: 22)
        let grouping = TaskGrouping(taskCount: 4, capacity: 16)
        try Self.tasks.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: rows) }
        let workspace = GaussianPolicy.Workspace(policy: policy, capacity: 16)
        policy.forward(observations: x.pointer, grouping: grouping, workspace: workspace)

        let taskIds = Self.tasks.map(Int.init), xRows = TestData.rows(x)
        let reference = NetworkReference.policy(xRows, tasks: taskIds, NetworkReference.weights(of: policy), policy)
        for r in 0..<rows {
            for j in 0..<3 {
                #expect(abs(Double(workspace.mean[r, j]) - reference.mean[r][j]) < 1e-5)
                #expect(abs(Double(workspace.logStd[r, j]) - reference.logStd[r][j]) < 1e-5)
            }
        }

        let meanCoefficients = TestData.matrix(rows: rows, columns: 3, seed: 23)
        let logStdCoefficients = TestData.matrix(rows: rows, columns: 3, seed: 24)
        policy.zeroGradients()
        policy.backward(
            observations: x.pointer, grouping: grouping, workspace: workspace,
            meanGradient: meanCoefficients.pointer, logStdGradient: logStdCoefficients.pointer)
        let cm = TestData.rows(meanCoefficients), cs = TestData.rows(logStdCoefficients)
        let check = NetworkReference.gradientCheck(policy) { weights in
            let out = NetworkReference.policy(xRows, tasks: taskIds, weights, policy)
            var total = 0.0
            for r in 0..<rows { for j in 0..<3 { total += cm[r][j] * out.mean[r][j] + cs[r][j] * out.logStd[r][j] } }
            return total
        }
        #expect(check.passed, "\(check.worst)")
        // The absent task's head received no gradient.
        #expect(policy.heads.heads[1].weight.gradient.values.allSatisfy { $0 == 0 })
    }

    @Test func stateDependentLogStdIsClamped() throws {
        let policy = try GaussianPolicy(observationSize: 2, hiddenSizes: [3], taskCount: 1, actionSize: 1, logStdMode: .stateDependent)
        try policy.initialize(seed: 1)
        policy.heads.heads[0].bias.value[0, 1] = 50
        let grouping = TaskGrouping(taskCount: 1, capacity: 1)
        let tasks: [Int32] = [0]
        try tasks.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: 1) }
        let workspace = GaussianPolicy.Workspace(policy: policy, capacity: 1)
        let x = Matrix(rows: 1, columns: 2)
        policy.forward(observations: x.pointer, grouping: grouping, workspace: workspace)
        #expect(workspace.logStd[0, 0] == GaussianPolicy.maximumLogStd)
    }

    @Test func initialisationMatchesCleanRL() throws {
        let policy = try GaussianPolicy(observationSize: 4, hiddenSizes: [8], taskCount: 2, actionSize: 2, logStdMode: .stateIndependent)
        try policy.initialize(seed: 3)
        #expect(policy.logStd!.value.values.allSatisfy { $0 == 0 })
        let head = policy.heads.heads[0].weight.value
        var norm: Float = 0
        for k in 0..<8 { norm += head[0, k] * head[0, k] }
        #expect(abs(norm.squareRoot() - 0.01) < 1e-5)
        let other = try GaussianPolicy(observationSize: 4, hiddenSizes: [8], taskCount: 2, actionSize: 2, logStdMode: .stateIndependent)
        try other.initialize(seed: 3)
        #expect(other.exportTensors() == policy.exportTensors())
    }

    @Test func rolloutForwardAllocatesNothing() throws {
        let policy = try GaussianPolicy(observationSize: 49, hiddenSizes: [64, 64], taskCount: 10, actionSize: 4, logStdMode: .stateIndependent)
        try policy.initialize(seed: 5)
        let slots = 10
        let grouping = TaskGrouping(taskCount: 10, capacity: slots)
        let workspace = GaussianPolicy.Workspace(policy: policy, capacity: slots)
        let x = TestData.matrix(rows: slots, columns: 49, seed: 6)
        let tasks = (0..<Int32(slots)).map { $0 }
        // Warm up once: OpenBLAS may allocate its buffers on first use.
        try tasks.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: slots) }
        policy.forward(observations: x.pointer, grouping: grouping, workspace: workspace)

        malloc_counter_start()
        let probe = [Int](repeating: 1, count: 100 + slots)   // positive control: must be counted
        let control = malloc_counter_stop()
        #expect(control >= 1 && probe.count > 0, "the malloc counter does not see Swift allocations")

        malloc_counter_start()
        for _ in 0..<200 {
            try tasks.withUnsafeBufferPointer { try grouping.group(tasks: $0.baseAddress!, count: slots) }
            policy.forward(observations: x.pointer, grouping: grouping, workspace: workspace)
        }
        let allocations = malloc_counter_stop()
        #expect(allocations == 0)
    }
}
