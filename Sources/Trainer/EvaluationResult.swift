/// A deterministic evaluation: the Gaussian mean as the action, the same number of episodes for
/// every task. Success is counted at an episode's first success (MetaWorld's evaluation ends the
/// episode there); the episode is then played on to its full length for `fullEpisodeReturn`.
public struct EvaluationResult: Codable, Sendable, Equatable {
    /// Per task: the fraction of episodes that reached success.
    public var successRate: [Double]
    /// Per task: mean undiscounted return up to the first success (the whole episode when it
    /// never succeeded): MetaWorld's evaluation return. Small for a task solved early, so it is
    /// not a measure of progress.
    public var meanReturn: [Double]
    /// Per task: mean undiscounted return of the same episodes played to their full length (the
    /// slot's end: truncation or termination). Comparable across runs: the basis of the report's
    /// normalised return.
    public var fullEpisodeReturn: [Double]
    /// Episodes per task.
    public var episodesPerTask: Int

    public init(successRate: [Double], meanReturn: [Double], fullEpisodeReturn: [Double], episodesPerTask: Int) {
        self.successRate = successRate
        self.meanReturn = meanReturn
        self.fullEpisodeReturn = fullEpisodeReturn
        self.episodesPerTask = episodesPerTask
    }

    /// The worst task's success rate (0 for no tasks).
    public var worstSuccessRate: Double { successRate.min() ?? 0 }

    /// `eval/<task>/success_rate`, `eval/<task>/return` and `eval/<task>/full_episode_return`,
    /// task by task.
    public func metricEntries(taskNames: [String]) -> [IterationMetrics.Entry] {
        taskNames.indices.flatMap { task in
            [IterationMetrics.Entry(key: "eval/\(taskNames[task])/success_rate", value: successRate[task]),
             IterationMetrics.Entry(key: "eval/\(taskNames[task])/return", value: meanReturn[task]),
             IterationMetrics.Entry(key: "eval/\(taskNames[task])/full_episode_return", value: fullEpisodeReturn[task])]
        }
    }
}
