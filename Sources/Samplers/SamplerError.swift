/// What the task samplers refuse, each with what would be valid.
public enum SamplerError: Error, Equatable, CustomStringConvertible {
    case invalidConfig([SamplerConfigProblem])
    case taskOutOfRange(task: Int, taskCount: Int)
    case nonFiniteReturn(task: Int, value: Double)
    case statisticsCountMismatch(name: String, count: Int, taskCount: Int)
    case negativeSteps(task: Int, steps: Int)
    case inconsistentState(String)

    public var description: String {
        switch self {
        case .invalidConfig(let problems):
            return "invalid sampler config (\(problems.count) problem(s)):\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
        case .taskOutOfRange(let task, let taskCount):
            return "task index \(task) is out of range; valid task indices are 0..<\(taskCount)"
        case .nonFiniteReturn(let task, let value):
            return "episode return \(value) of task \(task) is not finite; check the environment's rewards for NaN or infinity"
        case .statisticsCountMismatch(let name, let count, let taskCount):
            return "learner statistic '\(name)' has \(count) entries; it needs one per task (\(taskCount))"
        case .negativeSteps(let task, let steps):
            return "steps spent on task \(task) is \(steps); it must be >= 0"
        case .inconsistentState(let detail):
            return "saved sampler state does not fit its config: \(detail); restore it with the config it was saved with"
        }
    }
}
