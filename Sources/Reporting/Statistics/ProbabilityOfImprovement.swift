/// rliable's average probability of improvement of X over Y (`probability_of_improvement` in
/// `rliable/metrics.py`): on each task, the probability that a run of X scores higher than a
/// run of Y, averaged over tasks with equal weight. 0.5 means neither is ahead; it says how
/// often X beats Y, not by how much.
public enum ProbabilityOfImprovement {
    /// P(X > Y) on one task, estimated by the Mann-Whitney U statistic of X over every pair
    /// (one run of X, one of Y), a tie counting 1/2, divided by the number of pairs. rliable
    /// returns 0.5 outright when the two columns are equal element for element, which is also
    /// what the count gives (by symmetry), so no special case is needed. NaN when either is
    /// empty.
    public static func onTask(_ x: [Double], over y: [Double]) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return .nan }
        // Counted in halves so the sum is an exact integer whatever the order of the pairs.
        var halves = 0
        for a in x {
            for b in y {
                if a > b { halves += 2 } else if a == b { halves += 1 }
            }
        }
        return Double(halves) / Double(2 * x.count * y.count)
    }

    /// The mean over tasks of `onTask`. The two matrices must have the same tasks in the same
    /// columns (they may differ in runs).
    public static func average(_ x: ScoreMatrix, over y: ScoreMatrix) -> Double {
        precondition(x.taskCount == y.taskCount, "probability of improvement needs the same tasks on both sides")
        let perTask = (0..<x.taskCount).map { onTask(x.task($0), over: y.task($0)) }
        return Aggregates.mean(perTask)
    }
}
