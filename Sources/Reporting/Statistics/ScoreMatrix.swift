import RandomStreams

/// The scores of several runs on the same tasks, `score(run:task:)`: the `num_runs x num_tasks`
/// matrix rliable's aggregate measures take. In a report, one sampler's runs (rows, in seed
/// order) and each run's final success rate on every task (columns, the same tasks in the same
/// order for every sampler, so two matrices can be compared task by task).
public struct ScoreMatrix: Sendable, Equatable {
    /// Row-major: run 0's tasks, then run 1's, ...
    public private(set) var scores: [Double]
    public let runCount: Int
    public let taskCount: Int

    /// nil without a run or a task, or when the rows differ in length.
    public init?(rows: [[Double]]) {
        guard let first = rows.first, !first.isEmpty, rows.allSatisfy({ $0.count == first.count }) else { return nil }
        scores = rows.flatMap { $0 }
        runCount = rows.count
        taskCount = first.count
    }

    public func score(run: Int, task: Int) -> Double { scores[run * taskCount + task] }

    /// One task's scores over the runs (a column).
    public func task(_ task: Int) -> [Double] { (0..<runCount).map { score(run: $0, task: task) } }

    /// Every run x task score, flattened: what IQM, optimality gap and mean pool over
    /// (rliable's `axis=None`).
    public var pooled: [Double] { scores }

    /// Overwrites this matrix (same shape as `source`) with a stratified resample of `source`:
    /// every cell (run slot i, task j) takes task j's score of a run drawn with replacement,
    /// each cell drawing its own run. This is what rliable's `StratifiedBootstrap` does (its
    /// `update_indices` draws a `num_runs x num_tasks` array of run indices, one per cell, and
    /// pairs it with the task index of the column), so runs are resampled independently within
    /// each task, the task being the stratum: a resample never mixes tasks and keeps every task
    /// once. Cells are drawn in row-major order, as numpy fills that index array.
    mutating func resample(from source: ScoreMatrix, using generator: inout SplitMix64) {
        for run in 0..<runCount {
            for task in 0..<taskCount {
                scores[run * taskCount + task] = source.score(run: generator.index(below: source.runCount), task: task)
            }
        }
    }
}
