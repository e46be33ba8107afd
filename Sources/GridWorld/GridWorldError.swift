/// Misuse of the grid world, with what would be valid.
public enum GridWorldError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknownTask(index: Int, taskCount: Int)
    case invalidAction(Int)
    case episodeOver(stepsTaken: Int)
    case invalidSlipProbability(Double)
    case observationBufferSize(expected: Int, actual: Int)
    /// A saved state that no episode of the task can reach.
    case invalidState(String)

    public var description: String {
        switch self {
        case let .unknownTask(index, count):
            "unknown grid-world task \(index); valid task ids are 0...\(count - 1)"
        case let .invalidAction(action):
            "invalid grid-world action \(action); valid actions are 0 (up), 1 (right), 2 (down), 3 (left)"
        case let .episodeOver(steps):
            "the grid-world episode ended after \(steps) steps; call reset() before stepping again"
        case let .invalidSlipProbability(probability):
            "slip probability \(probability) is invalid; it must be a number in 0...1"
        case let .observationBufferSize(expected, actual):
            "observation buffer holds \(actual) values but the grid world writes \(expected)"
        case .invalidState(let detail):
            "invalid saved grid-world state: \(detail)"
        }
    }
}
