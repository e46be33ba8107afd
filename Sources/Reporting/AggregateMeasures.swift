/// One sampler's rliable aggregate measures (Agarwal et al. 2021): statistics of the runs x
/// tasks matrix of its runs' final success rates, each with a stratified-bootstrap interval
/// (`StratifiedBootstrap`; none with one run).
public struct AggregateMeasures: Sendable, Equatable, Codable {
    /// Interquartile mean of the pooled scores (`Aggregates.interquartileMean`).
    public var interquartileMean: Estimate
    /// Optimality gap at success rate 1 (`Aggregates.optimalityGap`); lower is better.
    public var optimalityGap: Estimate
    /// Mean of the pooled scores.
    public var mean: Estimate
    /// Average probability that a run of this sampler beats a run of the baseline on a task
    /// (`ProbabilityOfImprovement`); nil for the baseline itself and when there is none.
    public var probabilityOfImprovement: Estimate?
}

/// What every sampler's `AggregateMeasures` rest on, so the JSON says it as summary.md does.
public struct AggregateBasis: Sendable, Equatable, Codable {
    /// The score in each cell of the matrices.
    public var score: String
    /// The matrices' columns: tasks in every run's final evaluation, in config order.
    public var tasks: [String]
    /// Tasks some run's final evaluation lacks, left out so every sampler has the same columns.
    public var tasksLeftOut: [String]
    /// The optimality gap's gamma.
    public var optimalityGapThreshold: Double
    /// The sampler the probability of improvement is measured against (`uniform`); nil when the
    /// report has no uniform runs, and then no sampler has one.
    public var baseline: String?
    /// How the intervals are made, and with which settings (the report's `Bootstrap`).
    public var method: String
    public var bootstrapResamples: Int
    public var bootstrapSeed: UInt64
    public var confidence: Double
}
