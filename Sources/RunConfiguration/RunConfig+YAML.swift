import Yams

extension RunConfig {
    /// The config as YAML with every default filled in, for the run folder's `config.yaml` and
    /// the run registry. `load(yaml:)` reads it back to an equal config.
    public func resolvedYAML() throws -> String {
        let encoded = try YAMLEncoder().encode(self)
        // Yams writes doubles in exponent form (`5e-4`, `1e+0`); people read `0.0005` and `1.0`
        // better, and Swift's shortest round-trip form loses nothing.
        guard let node = try Yams.compose(yaml: encoded) else { return encoded }
        return "# Resolved run config: every setting, defaults filled in.\n" + (try Yams.serialize(node: Self.plainNumbers(node)))
    }

    private static func plainNumbers(_ node: Node) -> Node {
        switch node {
        case let .scalar(scalar):
            guard scalar.style == .plain || scalar.style == .any, Int.construct(from: scalar) == nil, UInt64.construct(from: scalar) == nil,
                  let value = Double.construct(from: scalar), value.isFinite else { return node }
            return .scalar(.init("\(value)", scalar.tag, scalar.style))
        case let .mapping(mapping):
            return .mapping(.init(mapping.map { ($0.key, plainNumbers($0.value)) }, mapping.tag, mapping.style))
        case let .sequence(sequence):
            return .sequence(.init(sequence.map(plainNumbers), sequence.tag, sequence.style))
        case .alias:
            return node
        }
    }
}
