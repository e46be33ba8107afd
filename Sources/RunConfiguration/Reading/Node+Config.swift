import Yams

extension Node {
    /// 1-based line of this node in the file.
    var line: Int? { mark.map { $0.line } }

    /// Whether this is YAML null (`~`, `null` or nothing).
    var isNull: Bool {
        guard case let .scalar(scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short description of what was found, for "expected X, found Y" messages.
    var found: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(scalar):
            if isNull { return "null" }
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            let text = ConfigText.excerpt(scalar.string)
            return quoted ? "the quoted string \"\(text)\"" : "'\(text)'"
        }
    }
}
