import Yams

/// One `key.path=value` from the command line (`dratsd submit CONFIG ppo.learningRate=3e-4`).
///
/// An override is not applied to a `RunConfig` but to the config file's YAML document, before
/// the document is read: the value is parsed as YAML and put at the key's place (replacing
/// what the file has there, or adding the key and its sections), and then the one reader
/// checks it exactly as if the file said it. So an unknown key gets the same "did you mean", a
/// wrong type the same "expected a number", and an out-of-range value the same allowed range;
/// only the problem names the argument instead of a line of the file. The resolved
/// `config.yaml` a run stores holds the overridden values like any other.
public struct ConfigOverride: Sendable, Equatable, CustomStringConvertible {
    /// The dotted key path, one element per mapping level: `["ppo", "learningRate"]`.
    public let keyPath: [String]
    /// The value as YAML text: `3e-4`, `uniform`, `[64, 64]`, `null`.
    public let valueText: String

    /// Most characters an override's value may have (a long task list is a few hundred).
    public static let valueCharacters = 4096
    /// Most mapping levels a key path may have (the deepest setting is three:
    /// `sampler.hardFirstHighReturnPerTask.reach-v3`).
    public static let keyDepth = 8

    /// `keyPath=valueText` as the user wrote it.
    public var argument: String { key + "=" + valueText }
    /// The dotted key path as one string.
    public var key: String { keyPath.joined(separator: ".") }
    public var description: String { argument }

    /// Parses one `key.path=value` argument. The key is dot-separated names (letters, digits,
    /// `_` and `-`, starting with a letter); the value is everything after the first `=` and may
    /// be empty (YAML null). Refused with `RunConfigError.override` naming the argument.
    public init(parsing argument: String) throws(RunConfigError) {
        let (keyPath, value) = try Self.split(argument)
        try self.init(keyPath: keyPath, valueText: value)
    }

    /// The key path and the value text of a `key.path=value` argument, the key checked (a dotted
    /// path of names, at most `keyDepth` levels) and the value not yet read.
    static func split(_ argument: String) throws(RunConfigError) -> (keyPath: [String], valueText: String) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw .override(argument: argument, problem: "expected key=value, e.g. ppo.learningRate=3e-4")
        }
        let key = argument[..<equals]
        let value = String(argument[argument.index(after: equals)...])
        let names = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !key.isEmpty, names.allSatisfy(Self.isName) else {
            throw .override(argument: argument,
                            problem: "the key '\(ConfigText.excerpt(String(key)))' is not a dotted path of setting names "
                                + "(letters, digits, _ and -, each starting with a letter), e.g. ppo.learningRate or run.seed")
        }
        guard names.count <= Self.keyDepth else {
            throw .override(argument: argument, problem: "the key has \(names.count) levels; a setting has at most \(Self.keyDepth)")
        }
        return (names, value)
    }

    /// An override of `keyPath` with the YAML text `valueText` (checked as `init(parsing:)` checks it).
    public init(keyPath: [String], valueText: String) throws(RunConfigError) {
        self.keyPath = keyPath
        self.valueText = valueText
        guard valueText.count <= Self.valueCharacters else {
            throw .override(argument: ConfigText.excerpt(argument),
                            problem: "the value has \(valueText.count) characters; at most \(Self.valueCharacters)")
        }
        _ = try valueNode()
    }

    /// Whether a command-line argument is an override rather than a config file: it has a `=`
    /// and only name characters and dots before it. A config file whose name has a `=` is
    /// given with a directory (`./a=b.yaml`), which has a `/` before the `=`.
    public static func isOverride(_ argument: String) -> Bool {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return false }
        return argument[..<equals].unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == ".")
        }
    }

    /// Whether `text` is a plain setting name: ASCII letters, digits, `_` and `-`, from a letter.
    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }

    /// The value as a YAML node, as a file holding it would give it. An empty value is null.
    func valueNode() throws(RunConfigError) -> Node {
        if let problem = YAMLPreflight.firstProblem(in: valueText) {
            throw .override(argument: argument, problem: "the value: \(problem.message)")
        }
        do {
            guard let node = try Yams.compose(yaml: valueText) else { return Node("") }
            if case .mapping = node {
                throw RunConfigError.override(argument: argument, problem: "the value reads as a YAML mapping (key: value); "
                    + "to give text holding ': ', quote it in YAML inside the shell's quotes, e.g. \"\(key)='\(ConfigText.excerpt(valueText))'\"; "
                    + "to set keys inside \(key), give each as its own \(key).<name>=value")
            }
            return node
        } catch let error as RunConfigError {
            throw error
        } catch {
            throw .override(argument: argument,
                            problem: "the value is not YAML (\(String(describing: error).prefix(200))); quote it, e.g. \(key)='\(ConfigText.excerpt(valueText))'")
        }
    }
}

extension ConfigOverride {
    /// `root` (the file's document; nil for an empty one) with every override applied in order.
    /// Two overrides of one key, or of a key and a key inside it, are refused: one must not
    /// silently win.
    static func apply(_ overrides: [ConfigOverride], to root: Node?) throws(RunConfigError) -> Node? {
        guard !overrides.isEmpty else { return root }
        for (index, override) in overrides.enumerated() {
            for earlier in overrides[..<index] where earlier.keyPath.starts(with: override.keyPath) || override.keyPath.starts(with: earlier.keyPath) {
                throw .override(argument: override.argument, problem: "sets \(override.key) again after '\(earlier.argument)'; set it once")
            }
        }
        var document = root ?? Node.mapping(Node.Mapping([]))
        for override in overrides {
            document = try override.applied(to: document, at: 0)
        }
        return document
    }

    /// `node` with this override's value put at `keyPath[depth...]` inside it.
    private func applied(to node: Node, at depth: Int) throws(RunConfigError) -> Node {
        let name = keyPath[depth]
        let mapping: Node.Mapping
        switch node {
        case let .mapping(existing):
            mapping = existing
        case _ where node.isNull:
            mapping = Node.Mapping([])
        default:
            let path = keyPath[..<depth].joined(separator: ".")
            throw .override(argument: argument, problem: "\(path.isEmpty ? "the file's top level" : path) is \(node.found) in the config, not a section of settings, so it has no key '\(name)'")
        }
        var pairs = mapping.map { (key: $0.key, value: $0.value) }
        let existing = pairs.lastIndex { $0.key.string == name }
        let value: Node
        if depth == keyPath.count - 1 {
            value = try valueNode()
        } else {
            value = try applied(to: existing.map { pairs[$0].value } ?? Node(""), at: depth + 1)
        }
        // The key node is new (no line in the file), so problems about it cannot point at the
        // file; `attribute` gives them the argument instead.
        let keyNode = Node(name)
        if let existing {
            pairs[existing] = (keyNode, value)
        } else {
            pairs.append((keyNode, value))
        }
        return .mapping(Node.Mapping(pairs.map { ($0.key, $0.value) }, mapping.tag, mapping.style, mapping.mark))
    }

    /// `problems` with each one about an overridden key (the key itself, a key or element inside
    /// it, or a section it created) marked with the override's argument, so the user is told to
    /// fix the command line, not the file.
    public static func attribute(_ problems: [ConfigProblem], to overrides: [ConfigOverride]) -> [ConfigProblem] {
        guard !overrides.isEmpty else { return problems }
        return problems.map { problem in
            var problem = problem
            let path = problem.keyPath
            if let override = overrides.last(where: { override in
                let key = override.key
                return path == key || path.hasPrefix(key + ".") || path.hasPrefix(key + "[") || key.hasPrefix(path + ".")
            }) {
                problem.argument = override.argument
                problem.line = nil
            }
            return problem
        }
    }
}
