/// One JSON value, as the line protocols (`dratsd env`, `dratsd policy`) read their requests.
/// Numbers are Doubles, as in JavaScript and Python's `json`; booleans are never numbers.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses one complete JSON text (surrounding whitespace allowed, nothing else after it).
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var reader = JSONReader(bytes: buffer)
            let value = try reader.value(depth: 0)
            reader.skipWhitespace()
            guard reader.offset == buffer.count else { throw reader.error("unexpected text after the JSON value") }
            return value
        }
    }

    /// The number, or nil for anything else (booleans included).
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The value written back as compact JSON, for error messages that quote what was sent.
    public var jsonText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): JSONText.number(value)
        case .string(let value): JSONText.quoted(value)
        case .array(let values): "[" + values.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { JSONText.quoted($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }
}

/// Why a line is not valid JSON, with the byte offset where reading stopped.
public struct JSONParseError: Error, CustomStringConvertible, Equatable {
    public let offset: Int
    public let reason: String

    public var description: String { "\(reason) at byte \(offset)" }
}
