/// How an environment reset chooses the object and goal layout.
public enum LayoutMode: String, Codable, CaseIterable, Sendable {
    /// One of the suite's fixed layouts (MetaWorld's 50 per task, fixed by `env.suiteSeed`).
    case suite
    /// A fresh random layout at every reset.
    case random
}
