import Yams

/// Reads the keys of one mapping (a section such as `ppo`), checking each value's type and
/// remembering which keys were known, so that `finish()` can report the unknown ones.
final class YAMLSection {
    let path: String
    private let entries: [(key: String, node: Node, value: Node)]
    private let problems: ProblemList
    private var knownKeys: [String] = []
    private var redirects: [String: String] = [:]

    /// The mapping at `path`; nil or null reads as an empty section, anything else is a problem.
    init(_ node: Node?, path: String, problems: ProblemList) {
        self.path = path
        self.problems = problems
        switch node {
        case let .mapping(mapping)?:
            // Keys are scalars (`YAMLPreflight` refuses others); shown short if one is not.
            entries = mapping.map { (key: $0.key.string ?? "<\($0.key.found)>", node: $0.key, value: $0.value) }
        case let node? where !node.isNull:
            problems.add(path.isEmpty ? "(top level)" : path, node,
                         "expected a mapping of settings (key: value lines), found \(node.found)")
            entries = []
        default:
            entries = []
        }
        for entry in entries {
            problems.remember(keyPath(entry.key), line: entry.node.line)
            // List elements get their own lines, so `env.tasks[2]` points at the third task.
            for (index, element) in entry.value.array().enumerated() {
                problems.remember("\(keyPath(entry.key))[\(index)]", line: element.line)
            }
        }
    }

    /// The dotted path of `key` in this section, the key shortened and made printable if the
    /// file's is long or holds control characters.
    func keyPath(_ key: String) -> String {
        let shown = ConfigText.excerpt(key)
        return path.isEmpty ? shown : "\(path).\(shown)"
    }

    /// Whether the file sets `key` (without marking it as known).
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The node of `key`, marking the key as known.
    func node(_ key: String) -> Node? {
        knownKeys.append(key)
        return entries.first(where: { $0.key == key })?.value
    }

    /// Reads `key` into `value` when present; a value of the wrong type is a problem and leaves
    /// the default in place.
    func read<T>(_ key: String, _ type: FieldType<T>, into value: inout T) {
        guard let node = node(key) else { return }
        if let parsed = type.parse(node) {
            value = parsed
        } else {
            problems.add(keyPath(key), node, "expected \(type.expected), found \(node.found)")
        }
    }

    /// Reads an optional setting: null means "none"/"off" (`ppo.targetKL: null`).
    func readNullable<T>(_ key: String, _ type: FieldType<T>, into value: inout T?) {
        guard let node = node(key) else { return }
        if node.isNull { value = nil; return }
        if let parsed = type.parse(node) {
            value = parsed
        } else {
            problems.add(keyPath(key), node, "expected \(type.expected) or null, found \(node.found)")
        }
    }

    /// Marks `key` as one the file may not set because it follows from `source`.
    func refuse(_ key: String, setBy source: String) { redirects[key] = source }

    /// Reports every key that is not a setting of this section, with the closest valid key.
    func finish() {
        for entry in entries where !knownKeys.contains(entry.key) {
            if let source = redirects[entry.key] {
                problems.add(keyPath(entry.key), entry.node, "cannot be set here: it follows from \(source); set \(source) instead")
                continue
            }
            var message = "unknown key"
            if let suggestion = ClosestKey.suggestion(for: entry.key, among: knownKeys) {
                message += "; did you mean '\(suggestion)'?"
            }
            message += " Valid keys\(path.isEmpty ? "" : " in \(path)"): \(knownKeys.joined(separator: ", "))"
            problems.add(keyPath(entry.key), entry.node, message)
        }
    }
}
