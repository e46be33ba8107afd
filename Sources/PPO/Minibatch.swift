import Networks

/// One minibatch gathered from the rollout in task-grouped order (so each head is one GEMM):
/// CleanRL's `mb_`-prefixed tensors. Buffers are allocated once for `capacity` rows.
public final class Minibatch {
    public let capacity: Int
    public let grouping: TaskGrouping
    public let observations: Matrix
    public let actions: Matrix
    public let oldLogProbs: Matrix
    /// Advantages, normalised per minibatch when `normAdv` is on.
    public let advantages: Matrix
    public let returns: Matrix
    /// Task ids in grouped order.
    public let tasks: UnsafeMutablePointer<Int32>
    private let selectedTasks: UnsafeMutablePointer<Int32>

    public init(capacity: Int, observationSize: Int, actionSize: Int, taskCount: Int) {
        self.capacity = capacity
        grouping = TaskGrouping(taskCount: taskCount, capacity: capacity)
        observations = Matrix(rows: capacity, columns: observationSize)
        actions = Matrix(rows: capacity, columns: actionSize)
        oldLogProbs = Matrix(rows: capacity, columns: 1)
        advantages = Matrix(rows: capacity, columns: 1)
        returns = Matrix(rows: capacity, columns: 1)
        tasks = .allocate(capacity: max(capacity, 1))
        tasks.initialize(repeating: 0, count: max(capacity, 1))
        selectedTasks = .allocate(capacity: max(capacity, 1))
        selectedTasks.initialize(repeating: 0, count: max(capacity, 1))
    }

    deinit {
        tasks.deallocate()
        selectedTasks.deallocate()
    }

    /// Rows in the minibatch.
    public var count: Int { grouping.rows }

    /// Copies rollout rows `indices[0..<count]` in task-grouped order.
    public func gather(from buffer: RolloutBuffer, indices: UnsafePointer<Int>, count: Int, normalizeAdvantages: Bool) throws(PPOError) {
        for k in 0..<count { selectedTasks[k] = buffer.tasks[indices[k]] }
        do { try grouping.group(tasks: selectedTasks, count: count) } catch { throw .network(error) }
        let obsSize = buffer.observationSize, actSize = buffer.actionSize
        for k in 0..<count {
            let source = indices[grouping.order[k]]
            observations.pointer.advanced(by: k * obsSize).update(from: buffer.observations.row(source), count: obsSize)
            actions.pointer.advanced(by: k * actSize).update(from: buffer.actions.row(source), count: actSize)
            oldLogProbs.pointer[k] = buffer.logProbs.pointer[source]
            advantages.pointer[k] = buffer.advantages.pointer[source]
            returns.pointer[k] = buffer.returns.pointer[source]
            tasks[k] = buffer.tasks[source]
        }
        if normalizeAdvantages { normalizeAdvantagesInPlace() }
    }

    /// (A - mean) / (std + 1e-8) with the unbiased std, like torch's `.std()` in CleanRL.
    /// A single-row minibatch has no spread, so only its mean is removed.
    public func normalizeAdvantagesInPlace() {
        let n = count
        guard n > 0 else { return }
        let a = advantages.pointer
        var sum = 0.0
        for k in 0..<n { sum += Double(a[k]) }
        let mean = sum / Double(n)
        var squares = 0.0
        for k in 0..<n { squares += (Double(a[k]) - mean) * (Double(a[k]) - mean) }
        let std = n > 1 ? (squares / Double(n - 1)).squareRoot() : 0
        let scale = n > 1 ? 1 / (std + 1e-8) : 1
        for k in 0..<n { a[k] = Float((Double(a[k]) - mean) * scale) }
    }
}
