/// One thing wrong in a run config: where (the key path such as `ppo.clipCoef`, and the line
/// when the YAML has one) and what would be valid.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// Dotted key path, e.g. `ppo.clipCoef` or `env.tasks[2]`.
    public var keyPath: String
    /// 1-based line of the offending key in the file, when known.
    public var line: Int?
    /// What is wrong and what is allowed.
    public var message: String

    public init(keyPath: String, line: Int? = nil, message: String) {
        self.keyPath = keyPath
        self.line = line
        self.message = message
    }

    public var description: String { "\(keyPath): \(message)" }
}
