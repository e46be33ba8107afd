/// What can go wrong driving an environment; each message says what would be valid.
public enum EnvironmentError: Error, CustomStringConvertible, Equatable {
    case unknownTask(name: String, valid: [String])
    case wrongActionLength(count: Int)
    case nonFiniteAction(index: Int, value: Double)
    case episodeOver(steps: Int)
    case notReset
    case layoutIndexOutOfRange(index: Int, count: Int)
    case modelBuildFailed(String)
    /// An MT10 task this build does not simulate yet (`MT10Suite`).
    case taskNotBuilt(name: String, index: Int, built: [String])

    public var description: String {
        switch self {
        case let .unknownTask(name, valid):
            return "unknown task '\(name)'; valid tasks: \(valid.joined(separator: ", "))"
        case let .wrongActionLength(count):
            return "action has \(count) numbers; expected 4 (dx, dy, dz, gripper)"
        case let .nonFiniteAction(index, value):
            return "action[\(index)] is \(value); every action value must be a finite number"
        case let .episodeOver(steps):
            return "the episode ended after \(steps) steps (truncation or physics fault); call reset before stepping again"
        case .notReset:
            return "the environment has not been reset yet; call reset before step"
        case let .layoutIndexOutOfRange(index, count):
            return "layout \(index) does not exist; valid layouts are 0..<\(count)"
        case let .modelBuildFailed(message):
            return "building the simulation failed: \(message)"
        case let .taskNotBuilt(name, index, built):
            return "MT10 task \(index) '\(name)' is not simulated by this build; built MT10 tasks: \(built.joined(separator: ", "))"
        }
    }
}
