import Yams

/// Collects every problem found while reading one config.
final class ProblemList {
    private(set) var problems: [ConfigProblem] = []
    /// Line of each key path read, so range problems found later can point at the file.
    private(set) var lines: [String: Int] = [:]

    func add(_ keyPath: String, _ node: Node?, _ message: String) {
        problems.append(ConfigProblem(keyPath: keyPath, line: node?.line ?? lines[keyPath], message: message))
    }

    func add(_ keyPath: String, _ message: String) {
        problems.append(ConfigProblem(keyPath: keyPath, line: lines[keyPath], message: message))
    }

    func remember(_ keyPath: String, line: Int?) { if let line { lines[keyPath] = line } }
}

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
            return quoted ? "the quoted string \"\(scalar.string)\"" : "'\(scalar.string)'"
        }
    }
}

/// How to read one kind of value from a YAML node, and how to name it in errors.
struct FieldType<Value> {
    let expected: String
    let parse: (Node) -> Value?

    static func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> FieldType<E> where E.RawValue == String {
        FieldType<E>(expected: "one of " + E.allCases.map(\.rawValue).joined(separator: ", ")) { node in
            node.scalar.flatMap { E(rawValue: $0.string) }
        }
    }
}

extension FieldType where Value == Int {
    static var integer: Self { Self(expected: "an integer") { $0.scalar.flatMap(Int.construct) } }
}

extension FieldType where Value == UInt64 {
    static var unsigned: Self { Self(expected: "an integer from 0 to 18446744073709551615") { $0.scalar.flatMap(UInt64.construct) } }
}

extension FieldType where Value == Double {
    static var number: Self { Self(expected: "a number") { $0.scalar.flatMap(Double.construct) } }
}

extension FieldType where Value == Bool {
    static var boolean: Self { Self(expected: "true or false") { $0.scalar.flatMap(Bool.construct) } }
}

extension FieldType where Value == String {
    static var text: Self { Self(expected: "a string") { node in
        guard case let .scalar(scalar) = node, !node.isNull else { return nil }
        return scalar.string
    } }
}

extension FieldType {
    /// A YAML list whose every element is `element`.
    static func list<Element>(of element: FieldType<Element>) -> FieldType<[Element]> where Value == [Element] {
        FieldType<[Element]>(expected: "a list of values, each \(element.expected)") { node in
            guard case let .sequence(sequence) = node else { return nil }
            var values: [Element] = []
            for item in sequence {
                guard let value = element.parse(item) else { return nil }
                values.append(value)
            }
            return values
        }
    }
}

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
            entries = mapping.map { (key: $0.key.string ?? "\($0.key)", node: $0.key, value: $0.value) }
        case let node? where !node.isNull:
            problems.add(path.isEmpty ? "(top level)" : path, node,
                         "expected a mapping of settings (key: value lines), found \(node.found)")
            entries = []
        default:
            entries = []
        }
        for entry in entries { problems.remember(keyPath(entry.key), line: entry.node.line) }
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

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
