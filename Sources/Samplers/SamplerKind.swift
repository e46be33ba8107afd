/// Which rule chooses the task-sampling distribution (docs/samplers.md, 'The update' and 'The
/// baselines').
public enum SamplerKind: String, Codable, CaseIterable, Sendable {
    /// Every task equally often.
    case uniform
    /// Distributionally robust adaptive task sampling: mirror ascent on the return gap.
    case drats
    /// Mirror ascent on the change of the window mean return; mastered tasks drop to the floor.
    case learningProgress = "learning-progress"
    /// Mirror ascent on the mean absolute advantage of the last PPO update (PLR-like).
    case learningPotential = "learning-potential"
    /// SMT ("Hard Tasks First", Cho et al. 2024): a few active tasks with step budgets, two stages.
    case hardFirst = "hard-first"
}
