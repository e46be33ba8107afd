/// Writing the protocols' answers: JSON strings, and numbers in the shortest spelling that reads
/// back as the same value (Swift's description), so a reader gets the exact float.
public enum JSONText {
    /// `text` as a JSON string literal, escaping quotes, backslashes and control characters.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A finite number's shortest round-tripping spelling; `null` for NaN and infinities, which
    /// JSON cannot spell.
    public static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

    /// As `number(_: Double)`, for a Float (its own shortest spelling, not the Double's).
    public static func number(_ value: Float) -> String { value.isFinite ? "\(value)" : "null" }

    /// A JSON array of numbers.
    public static func array<Values: Sequence>(_ values: Values) -> String where Values.Element == Double {
        "[" + values.map(number).joined(separator: ",") + "]"
    }

    /// A JSON array of Float numbers.
    public static func array<Values: Sequence>(_ values: Values) -> String where Values.Element == Float {
        "[" + values.map(number).joined(separator: ",") + "]"
    }
}
