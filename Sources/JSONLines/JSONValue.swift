/// One JSON value, as the line protocols (`dratsd env`, `dratsd policy`) read their requests.
/// A number keeps its text beside its Double (`JSONNumber`), so integer fields are read exactly
/// (`integer(as:)`); booleans are never numbers.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
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

    /// The number as a correctly rounded Double, or nil for anything else (booleans included).
    public var number: Double? {
        if case .number(let value) = self { return value.double }
        return nil
    }

    /// The value as an integer of type `T`, read exactly from the number's text (no Double in
    /// between, so every UInt64 and Int64 arrives as sent); `3.0` and `3e0` count as 3.
    public func integer<T: FixedWidthInteger>(as type: T.Type = T.self) throws(JSONIntegerProblem) -> T {
        guard case .number(let number) = self else { throw .notANumber }
        return try number.integer(as: T.self)
    }

    /// The value written back as compact JSON, for error messages that quote what was sent.
    public var jsonText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): value.text
        case .string(let value): JSONText.quoted(value)
        case .array(let values): "[" + values.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { JSONText.quoted($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }
}

/// Why a JSON value is not an integer of the type asked for (`JSONValue.integer(as:)`).
public enum JSONIntegerProblem: Error, Sendable, Equatable {
    /// Not a number at all (a string, a boolean, null, ...).
    case notANumber
    /// A number with a fractional part (`1.5`, `1e-3`).
    case notAnInteger
    /// An integer beyond the type's range (`-1` for a UInt64, `2^64`).
    case outOfRange

    /// "is not an integer" and so on, after the field's name and value in a message; `range`
    /// says what is allowed ("an integer from 0 to 18446744073709551615").
    public func message(allowed range: String) -> String {
        switch self {
        case .notANumber: "is not a number; give \(range)"
        case .notAnInteger: "is not an integer; give \(range)"
        case .outOfRange: "is out of range; give \(range)"
        }
    }
}

/// Why a line is not valid JSON, with the byte offset where reading stopped.
public struct JSONParseError: Error, CustomStringConvertible, Equatable {
    public let offset: Int
    public let reason: String

    public var description: String { "\(reason) at byte \(offset)" }
}
