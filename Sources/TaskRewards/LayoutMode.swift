/// How an environment reset chooses the object and goal layout (`TaskSpec` draws it). The one
/// definition the environments, the run config (`env.layoutMode`) and the CLI share.
public enum LayoutMode: String, Codable, CaseIterable, Sendable {
    /// One of the suite's fixed layouts (MetaWorld's 50 per task, fixed by the suite seed).
    case suite
    /// A fresh uniform draw from the task's layout space at every reset.
    case random
}
