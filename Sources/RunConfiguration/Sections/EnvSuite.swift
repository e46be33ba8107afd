import TaskRewards

/// Which family of tasks a run trains on.
public enum EnvSuite: String, Codable, CaseIterable, Sendable {
    /// MetaWorld MT10 re-implemented on ODE.
    case mt10
    /// The four 5x5 grid worlds of the DRATS paper's illustrative experiment (docs/tasks.md, 'The
    /// grid worlds').
    case gridworld

    /// Every task of the suite, in its canonical order (MetaWorld's MT10 order; walls 0-3).
    public var taskNames: [String] {
        switch self {
        case .mt10: MT10Task.allCases.map(\.rawValue)
        case .gridworld: ["wall0", "wall1", "wall2", "wall3"]
        }
    }
}
