/// Mean |advantage| of each task's rows in a rollout: the Learning Potential sampler's score
/// (docs/samplers.md, 'The baselines'), and what the authors log as `metrics/task_abs_adv`.
public enum TaskAdvantageScore {
    /// One value per task in `0..<taskCount` (0 for a task without rows; rows whose task is out
    /// of range are skipped), from `advantages[row]` and `tasks[row]` for `row < count`.
    ///
    /// With `perTask` normalisation the advantages are first standardised per task, the way the
    /// authors compute `task_abs_adv` in their PPO's `update`: over the whole rollout (not per
    /// minibatch), (a - mean) / (std + 1e-8) with the population std of the task's rows. The
    /// score then measures how spread a task's advantages are relative to their own scale, not
    /// the scale itself, which global normalisation would let the high-return tasks dominate.
    /// With `global` it is the raw mean |advantage|, the score before per-task normalisation.
    public static func meanAbsolute(
        advantages: UnsafePointer<Float>, tasks: UnsafePointer<Int32>, count: Int, taskCount: Int,
        normalization: AdvantageNormalization
    ) -> [Double] {
        var counts = [Int](repeating: 0, count: taskCount)
        var sums = [Double](repeating: 0, count: taskCount)
        func task(_ row: Int) -> Int? {
            let task = Int(tasks[row])
            return task >= 0 && task < taskCount ? task : nil
        }
        switch normalization {
        case .global:
            for row in 0..<count {
                guard let task = task(row) else { continue }
                sums[task] += abs(Double(advantages[row]))
                counts[task] += 1
            }
        case .perTask:
            var means = [Double](repeating: 0, count: taskCount)
            for row in 0..<count {
                guard let task = task(row) else { continue }
                means[task] += Double(advantages[row])
                counts[task] += 1
            }
            for task in 0..<taskCount { means[task] /= Double(max(counts[task], 1)) }
            var squares = [Double](repeating: 0, count: taskCount)
            for row in 0..<count {
                guard let task = task(row) else { continue }
                let deviation = Double(advantages[row]) - means[task]
                squares[task] += deviation * deviation
            }
            let scales = (0..<taskCount).map { 1 / ((squares[$0] / Double(max(counts[$0], 1))).squareRoot() + 1e-8) }
            for row in 0..<count {
                guard let task = task(row) else { continue }
                sums[task] += abs((Double(advantages[row]) - means[task]) * scales[task])
            }
        }
        return zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }
    }
}
