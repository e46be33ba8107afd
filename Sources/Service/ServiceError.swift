/// What keeps `dratsd serve` from starting, each case naming the setting or file and what to do.
public enum ServiceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A command-line setting is out of range.
    case invalidSetting(name: String, value: String, allowed: String)
    /// SQLite's integrity check found damage in the run database.
    case damagedDatabase(path: String, findings: [String])

    public var description: String {
        switch self {
        case let .invalidSetting(name, value, allowed):
            return "\(name) \(value) is out of range; allowed: \(allowed)."
        case let .damagedDatabase(path, findings):
            let shown = findings.prefix(5).joined(separator: "; ")
            return "the run database \(path) is damaged (integrity check: \(shown)\(findings.count > 5 ? "; ..." : "")). "
                + "Stop every dratsd process, copy the file aside, and restore it from a backup "
                + "or recover it with `sqlite3 \(path) .recover`."
        }
    }
}
