/// One task's sampler figures after an update, for the per-iteration metrics
/// (`sampler/<task>/<name>`). Field names are stable: they become metric keys.
public struct SamplerTaskMetrics: Codable, Equatable, Sendable {
    /// The task's index (MetaWorld MT10 order on MT10).
    public var task: Int
    /// The probability of drawing this task at the next episode reset.
    public var probability: Double
    /// The sampler's score: the gap for DRATS and Uniform, the normalised learning progress or
    /// potential, or the latest window mean return Hard First ranks on.
    public var score: Double
    /// The return target (maxReturn until the success-rate switch, then the running maximum).
    public var target: Double
    /// Mean return of the episodes that finished in the last window (0 if none did).
    public var windowMeanReturn: Double
    /// Number of training episodes that finished in the last window.
    public var windowEpisodeCount: Int
    /// Success rate over the task's most recent episodes (0 before any).
    public var successRate: Double
    /// Hard First's pool for the task; nil for the other samplers.
    public var hardFirstPool: HardFirstPool?

    /// The numeric fields as (name, value) pairs in a fixed order, e.g. ("probability", 0.1).
    public var namedValues: [(name: String, value: Double)] {
        [("probability", probability), ("score", score), ("target", target),
         ("windowMeanReturn", windowMeanReturn), ("windowEpisodeCount", Double(windowEpisodeCount)),
         ("successRate", successRate)]
    }

    /// Metric keys `sampler/<taskName>/<field>` with their values.
    public func metricValues(taskName: String) -> [(key: String, value: Double)] {
        namedValues.map { ("sampler/\(taskName)/\($0.name)", $0.value) }
    }
}
