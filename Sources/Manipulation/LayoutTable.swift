/// MetaWorld's fixed layouts: a suite seed fixes 50 distinct random vectors per task (drawn with
/// the task's rejection rule); a reset picks one of them.
public struct LayoutTable: Sendable {
    public static let layoutsPerTask = 50
    public let taskName: String
    public let suiteSeed: UInt64
    public let layouts: [[Double]]

    public init(task: any TaskScene.Type, suiteSeed: UInt64) {
        taskName = task.name
        self.suiteSeed = suiteSeed
        var rng = SplitMix64(seed: suiteSeed ^ SplitMix64.hash(task.name))
        var drawn: [[Double]] = []
        while drawn.count < Self.layoutsPerTask {
            let layout = Self.draw(task, using: &rng)
            if !drawn.contains(layout) { drawn.append(layout) }
        }
        layouts = drawn
    }

    /// One uniform draw from the task's layout space that passes its rejection rule.
    public static func draw(_ task: any TaskScene.Type, using rng: inout SplitMix64) -> [Double] {
        while true {
            let layout = zip(task.layoutLow, task.layoutHigh).map { rng.uniform($0, $1) }
            if task.accepts(layout: layout) { return layout }
        }
    }
}
