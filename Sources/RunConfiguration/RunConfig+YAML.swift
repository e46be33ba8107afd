import Foundation
import JSONLines
import Yams

extension RunConfig {
    /// The config as YAML with every default filled in, for the run folder's `config.yaml` and
    /// the run registry. `load(yaml:)` reads it back to an equal config.
    public func resolvedYAML() throws -> String {
        let encoded = try YAMLEncoder().encode(self)
        // Yams writes doubles in exponent form (`5e-4`, `1e+0`), which people read less easily
        // than `0.0005` and `1.0`, and writes those without an exponent with only 15 significant
        // digits, which loses the last bits (a floor of 1/12 came back as 0.0833333333333333).
        // So every float is rewritten in Swift's shortest round-trip form, taken from the same
        // config encoded as JSON (exact, and the same structure: one Encodable implementation).
        guard let node = try Yams.compose(yaml: encoded) else { return encoded }
        let exact = (try? JSONEncoder().encode(self)).flatMap { try? JSONValue.parse(String(decoding: $0, as: UTF8.self)) }
        return "# Resolved run config: every setting, defaults filled in.\n" + (try Yams.serialize(node: Self.plainNumbers(node, exact: exact)))
    }

    /// `node` with every float scalar in plain, shortest round-trip form: the value at the same
    /// place in `exact` where there is one, else the scalar's own (possibly rounded) value.
    private static func plainNumbers(_ node: Node, exact: JSONValue?) -> Node {
        switch node {
        case let .scalar(scalar):
            guard scalar.style == .plain || scalar.style == .any, Int.construct(from: scalar) == nil, UInt64.construct(from: scalar) == nil,
                  var value = Double.construct(from: scalar), value.isFinite else { return node }
            if case .number(let precise)? = exact { value = precise.double }
            return .scalar(.init("\(value)", scalar.tag, scalar.style))
        case let .mapping(mapping):
            var members: [String: JSONValue] = [:]
            if case .object(let object)? = exact { members = object }
            return .mapping(.init(mapping.map { ($0.key, plainNumbers($0.value, exact: $0.key.string.flatMap { members[$0] })) },
                                  mapping.tag, mapping.style))
        case let .sequence(sequence):
            var elements: [JSONValue] = []
            if case .array(let array)? = exact { elements = array }
            return .sequence(.init(sequence.enumerated().map { index, element in
                plainNumbers(element, exact: index < elements.count ? elements[index] : nil)
            }, sequence.tag, sequence.style))
        case .alias:
            return node
        }
    }
}
