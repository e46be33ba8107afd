/// Orders a batch's rows by task so that every task's rows are contiguous and each output head
/// runs as one GEMM. A stable counting sort into buffers allocated once, at `init`.
public final class TaskGrouping {
    public let taskCount: Int
    public let capacity: Int
    /// order[k] is the original index of the k-th row in grouped order.
    public let order: UnsafeMutablePointer<Int>
    /// Task t's grouped rows are segmentStart[t] ..< segmentStart[t + 1]; taskCount + 1 entries.
    public let segmentStart: UnsafeMutablePointer<Int>
    /// Rows grouped by the last `group` call.
    public private(set) var rows = 0

    public init(taskCount: Int, capacity: Int) {
        self.taskCount = max(taskCount, 1)
        self.capacity = max(capacity, 0)
        order = .allocate(capacity: max(capacity, 1))
        order.initialize(repeating: 0, count: max(capacity, 1))
        segmentStart = .allocate(capacity: self.taskCount + 1)
        segmentStart.initialize(repeating: 0, count: self.taskCount + 1)
    }

    deinit {
        order.deallocate()
        segmentStart.deallocate()
    }

    /// The grouped rows of task `task`.
    @inlinable public func segment(_ task: Int) -> Range<Int> { segmentStart[task]..<segmentStart[task + 1] }

    /// Groups `count` rows whose task ids are `tasks[0..<count]`.
    public func group(tasks: UnsafePointer<Int32>, count: Int) throws(NetworksError) {
        guard count <= capacity else {
            throw .invalidShape("batch of \(count) rows exceeds the grouping capacity \(capacity)")
        }
        segmentStart.update(repeating: 0, count: taskCount + 1)
        for row in 0..<count {
            let task = Int(tasks[row])
            guard task >= 0, task < taskCount else {
                throw .invalidShape("row \(row) has task id \(task); valid ids are 0..<\(taskCount)")
            }
            segmentStart[task + 1] += 1
        }
        for task in 0..<taskCount { segmentStart[task + 1] += segmentStart[task] }
        // segmentStart[t] doubles as the next free slot of task t, then is restored.
        for row in 0..<count {
            let task = Int(tasks[row])
            order[segmentStart[task]] = row
            segmentStart[task] += 1
        }
        for task in stride(from: taskCount, to: 0, by: -1) { segmentStart[task] = segmentStart[task - 1] }
        segmentStart[0] = 0
        rows = count
    }
}
