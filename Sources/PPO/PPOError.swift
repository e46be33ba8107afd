import Networks

/// Errors of the PPO module, each saying what to change.
public enum PPOError: Error, CustomStringConvertible, Equatable {
    /// The configuration has these problems (all of them, not only the first).
    case invalidConfig([String])
    /// Sizes passed to the agent or buffer disagree.
    case shapeMismatch(String)
    /// A network-level failure (bad task id, bad tensor on import ...).
    case network(NetworksError)
    /// A state tensor needed to restore the agent is missing or malformed.
    case invalidState(String)
    /// A checkpoint could not be written or read (names the path and the reason).
    case checkpoint(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidConfig(let problems):
            return "invalid PPO config: " + problems.joined(separator: "; ")
        case .shapeMismatch(let detail):
            return "PPO shape mismatch: \(detail)"
        case .network(let error):
            return error.description
        case .invalidState(let detail):
            return "cannot restore PPO state: \(detail)"
        case .checkpoint(let path, let reason):
            return "checkpoint \(path): \(reason)"
        }
    }
}
