/// One thing wrong in a run config: where (the key path such as `ppo.clipCoef`, and the line
/// when the YAML has one) and what would be valid.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// Dotted key path, e.g. `ppo.clipCoef` or `env.tasks[2]`.
    public var keyPath: String
    /// 1-based line of the offending key in the file, when known.
    public var line: Int?
    /// What is wrong and what is allowed.
    public var message: String
    /// The command-line override (`ppo.clipCoef=1.5`) that set the offending key, when one did
    /// (`ConfigOverride.attribute`); the line is then nil.
    public var argument: String?

    public init(keyPath: String, line: Int? = nil, message: String, argument: String? = nil) {
        self.keyPath = keyPath
        self.line = line
        self.message = message
        self.argument = argument
    }

    public var description: String {
        argument.map { "\(keyPath) (set by the argument '\(ConfigText.excerpt($0))'): \(message)" } ?? "\(keyPath): \(message)"
    }
}
