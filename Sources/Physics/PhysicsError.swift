/// Problems building a physics model; messages name the value and what would be valid.
public enum PhysicsError: Error, CustomStringConvertible, Equatable {
    case invalidParameter(name: String, value: Double, expected: String)
    case unknownBody(index: Int)
    case wrongJointKind(index: Int, expected: String)

    public var description: String {
        switch self {
        case let .invalidParameter(name, value, expected):
            return "physics: \(name) = \(value) is invalid; expected \(expected)"
        case let .unknownBody(index):
            return "physics: body #\(index) does not exist in this world"
        case let .wrongJointKind(index, expected):
            return "physics: joint #\(index) is not a \(expected) joint"
        }
    }
}

/// A numerical failure found after a step: a non-finite or exploding body.
public struct PhysicsFault: Error, CustomStringConvertible, Equatable, Sendable {
    public var body: Int
    public var bodyName: String
    public var reason: String

    public var description: String { "physics fault in body '\(bodyName)' (#\(body)): \(reason)" }
}
