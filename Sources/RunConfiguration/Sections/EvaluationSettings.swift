/// The `evaluation` section: deterministic-policy evaluation on the suite's fixed layouts
/// (docs/evaluation.md): success and MetaWorld's return counted up to an episode's first success,
/// the episode then played to its full length for the full-episode return.
public struct EvaluationSettings: Codable, Sendable, Equatable {
    /// Evaluate after the iteration that crosses each multiple of this many environment steps.
    /// Default 2,000,000 (the paper's MT10 interval).
    public var everyEnvSteps: Int = 2_000_000
    /// Evaluation episodes per task. Default 50 (MetaWorld's default).
    public var episodesPerTask: Int = 50

    public init() {}
}
