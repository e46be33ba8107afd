/// rliable's aggregate measures over pooled scores (Agarwal et al. 2021, "Deep Reinforcement
/// Learning at the Edge of the Statistical Precipice"; `rliable/metrics.py`). Each takes every
/// run x task score of one sampler as one flat list: with few runs, pooling over tasks gives
/// the trimmed mean enough values to be robust, which a mean over a handful of runs is not.
public enum Aggregates {
    /// The interquartile mean: the mean of the middle half of the sorted scores. rliable's
    /// `aggregate_iqm` is `scipy.stats.trim_mean(scores, 0.25, axis=None)`, which cuts
    /// `int(0.25 * n)` scores from each end (rounded down, so nothing is cut for n < 4, one
    /// from each end for n = 4 to 7) and averages the rest without weighting partial scores.
    /// NaN for no scores.
    public static func interquartileMean(_ scores: [Double]) -> Double {
        guard !scores.isEmpty else { return .nan }
        let sorted = scores.sorted()
        // 0.25 * n is exact in a Double, so int(0.25 * n) is n / 4 rounded down.
        let cut = sorted.count / 4
        return mean(sorted[cut..<(sorted.count - cut)])
    }

    /// The optimality gap at threshold `gamma`: the mean over scores of max(gamma - score, 0),
    /// how far the scores fall short of `gamma` on average, a score above `gamma` counting as
    /// `gamma` (rliable's `gamma - mean(minimum(scores, gamma))`, the same number). Lower is
    /// better. For success rates gamma is 1, the rate of a task solved every time. NaN for no
    /// scores.
    public static func optimalityGap(_ scores: [Double], threshold gamma: Double = 1) -> Double {
        guard !scores.isEmpty else { return .nan }
        return mean(scores.map { max(gamma - $0, 0) })
    }

    /// The mean of all scores. rliable's `aggregate_mean` averages the task means, which is the
    /// same number for a full runs x tasks matrix. NaN for no scores.
    public static func mean(_ scores: [Double]) -> Double { mean(scores[...]) }

    static func mean(_ scores: ArraySlice<Double>) -> Double {
        scores.isEmpty ? .nan : scores.reduce(0, +) / Double(scores.count)
    }
}
