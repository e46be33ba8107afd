/// The numbers of a report, per sampler: what `summary.md` tabulates and `--json` prints.
public struct ReportSummary: Sendable, Equatable, Codable {
    /// Mean success a run must reach for "steps to threshold".
    public var successThreshold: Double
    /// Bootstrap settings of every interval.
    public var bootstrapResamples: Int
    public var bootstrapSeed: UInt64
    public var confidence: Double
    /// Distinct step budgets of the runs (one value when the runs are comparable).
    public var budgetsEnvSteps: [Int]
    /// Per task, the best final full-episode return any run in the report reached (runs that
    /// recorded it): the normalisation base of `SamplerSummary.normalisedReturn`.
    public var bestFinalFullEpisodeReturn: [String: Double]
    public var samplers: [SamplerSummary]
    /// What the samplers' aggregate measures are computed on; nil when no task is in every
    /// run's final evaluation (and then no sampler has them).
    public var aggregateBasis: AggregateBasis?
}

/// One sampler's row: each figure is the statistic over its seeds with a bootstrap interval.
public struct SamplerSummary: Sendable, Equatable, Codable {
    public var sampler: String
    public var runIDs: [String]
    public var seeds: [UInt64]
    /// Environment steps of each run's last evaluation, in `runIDs` order.
    public var finalEvaluationEnvSteps: [Int]
    /// Mean over seeds of the final mean success rate over tasks.
    public var meanSuccess: Estimate
    /// Mean over seeds of the final success rate of the worst task.
    public var worstTaskSuccess: Estimate
    /// Mean over seeds of the normalised return: per task the final full-episode return over
    /// `ReportSummary.bestFinalFullEpisodeReturn`, averaged over tasks with a positive best. nil
    /// when `normalisedReturnUnavailable` says why.
    public var normalisedReturn: Estimate?
    /// Why there is no normalised return: a run evaluated before full-episode returns were
    /// recorded, or a run with no task of positive best; nil when there is one.
    public var normalisedReturnUnavailable: String?
    /// Median over seeds of the first evaluation step with mean success >= the threshold;
    /// +infinity (JSON "not reached") for a median seed that never got there.
    public var stepsToThreshold: Estimate
    /// Seeds that reached the threshold.
    public var seedsReachingThreshold: Int
    /// Per task, mean over seeds of the final success rate.
    public var finalTaskSuccess: [String: Estimate]
    /// rliable's aggregate measures of the final success rates (see `aggregateBasis`).
    public var aggregates: AggregateMeasures?
}
