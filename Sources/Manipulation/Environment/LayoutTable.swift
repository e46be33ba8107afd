import RandomStreams
import TaskRewards

/// MetaWorld's fixed layouts: a suite seed fixes 50 distinct random vectors per task (drawn with
/// the task's rejection rule, `TaskSpec.sampleLayouts`); a reset picks one of them.
public struct LayoutTable: Sendable {
    public static let layoutsPerTask = 50
    public let taskName: String
    public let suiteSeed: UInt64
    public let layouts: [[Double]]

    public init(task: any TaskScene.Type, suiteSeed: UInt64) {
        taskName = task.name
        self.suiteSeed = suiteSeed
        var rng = SplitMix64(seed: suiteSeed ^ SplitMix64.hash(task.name))
        layouts = task.spec.sampleLayouts(count: Self.layoutsPerTask, using: &rng)
    }
}
