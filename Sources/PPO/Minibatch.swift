import Networks

/// One minibatch gathered from the rollout in task-grouped order (so each head is one GEMM):
/// CleanRL's `mb_`-prefixed tensors. Buffers are allocated once for `capacity` rows.
public final class Minibatch {
    public let capacity: Int
    public let grouping: TaskGrouping
    public let observations: Matrix
    public let actions: Matrix
    public let oldLogProbs: Matrix
    /// Advantages, normalised per minibatch (per task or globally) when `normAdv` is on.
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

    /// Copies rollout rows `indices[0..<count]` in task-grouped order, then normalises the
    /// advantages as `normalization` says when `normalizeAdvantages` is on.
    public func gather(
        from buffer: RolloutBuffer, indices: UnsafePointer<Int>, count: Int, normalizeAdvantages: Bool,
        normalization: AdvantageNormalization = .global
    ) throws(PPOError) {
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
        guard normalizeAdvantages else { return }
        switch normalization {
        case .global: normalizeAdvantagesInPlace()
        case .perTask: normalizeAdvantagesPerTaskInPlace()
        }
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

    /// Each task's rows by their own mean and spread, with the authors' exact formula
    /// (`segment_mean` / `segment_std` in their MetaWorld PPO): over the task's c rows,
    /// mean = sum / (c + 1e-3), var = sum(a^2) / (c + 1e-3) - mean^2, std = sqrt(max(var, 0)) + 1e-3.
    /// The count's 1e-3 is their guard for a task without rows (here such a task is skipped); it
    /// also shrinks the mean a little, so a task whose rows all share one advantage comes out at
    /// about sqrt(1e-3 / c) instead of 0, finite thanks to the std's 1e-3. The rows are grouped
    /// by task, so each task is one contiguous segment.
    public func normalizeAdvantagesPerTaskInPlace() {
        let a = advantages.pointer
        for task in 0..<grouping.taskCount {
            let rows = grouping.segment(task)
            guard !rows.isEmpty else { continue }
            var sum = 0.0, squares = 0.0
            for k in rows {
                let value = Double(a[k])
                sum += value
                squares += value * value
            }
            let guardedCount = Double(rows.count) + 1e-3
            let mean = sum / guardedCount
            let variance = squares / guardedCount - mean * mean
            let scale = 1 / (max(variance, 0).squareRoot() + 1e-3)
            for k in rows { a[k] = Float((Double(a[k]) - mean) * scale) }
        }
    }
}
