/// The latest figures of one task in a run's `metrics.jsonl`; nil where none was logged yet.
public struct TaskReport: Codable, Sendable, Equatable {
    /// Task name, e.g. `reach-v3`.
    public var task: String
    /// Latest `eval/<task>/success_rate`, in 0...1.
    public var successRate: Double?
    /// Latest `eval/<task>/return`, the mean evaluation episode return.
    public var episodeReturn: Double?
    /// Latest `sampler/<task>/probability`, the sampler's probability of drawing the task.
    public var samplingProbability: Double?

    public init(task: String, successRate: Double? = nil, episodeReturn: Double? = nil, samplingProbability: Double? = nil) {
        self.task = task
        self.successRate = successRate
        self.episodeReturn = episodeReturn
        self.samplingProbability = samplingProbability
    }
}
