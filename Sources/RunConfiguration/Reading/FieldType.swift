import Yams

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

extension FieldType {
    /// A YAML mapping from names to values, each `element`, in file order.
    static func mapping<Element>(of element: FieldType<Element>) -> FieldType<[(name: String, value: Element)]>
    where Value == [(name: String, value: Element)] {
        FieldType<[(name: String, value: Element)]>(expected: "a mapping of names to values, each \(element.expected)") { node in
            guard case let .mapping(mapping) = node else { return nil }
            var values: [(name: String, value: Element)] = []
            for (key, item) in mapping {
                guard let name = key.string, let value = element.parse(item) else { return nil }
                values.append((name, value))
            }
            return values
        }
    }
}
