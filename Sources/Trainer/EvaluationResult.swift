/// A deterministic evaluation: the Gaussian mean as the action, episodes ending at the first
/// success, the same number of episodes for every task.
public struct EvaluationResult: Codable, Sendable, Equatable {
    /// Per task: the fraction of episodes that reached success.
    public var successRate: [Double]
    /// Per task: mean undiscounted return (up to the first success).
    public var meanReturn: [Double]
    /// Episodes per task.
    public var episodesPerTask: Int

    /// The worst task's success rate (0 for no tasks).
    public var worstSuccessRate: Double { successRate.min() ?? 0 }

    /// `eval/<task>/success_rate` and `eval/<task>/return`, task by task.
    public func metricEntries(taskNames: [String]) -> [IterationMetrics.Entry] {
        zip(taskNames, zip(successRate, meanReturn)).flatMap { name, values in
            [IterationMetrics.Entry(key: "eval/\(name)/success_rate", value: values.0),
             IterationMetrics.Entry(key: "eval/\(name)/return", value: values.1)]
        }
    }
}
