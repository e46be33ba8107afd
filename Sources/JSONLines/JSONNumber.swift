/// A JSON number as it was sent: its text, and the correctly rounded Double it spells. Integer
/// fields (seeds, task and layout indices, episode numbers) are read from the text with
/// `integer(as:)`, exactly, with no Double in between: `9007199254740993` is that seed, not
/// `...992`, and `18446744073709551615` fits a UInt64.
///
/// Two numbers are equal when they spell the same decimal value (`1`, `1.0` and `10e-1` are one
/// number; `0.1` and `0.1000000000000000055511151231257827` are two, though they read as one
/// Double).
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The number's text, as sent (or, for one made from a Double, its shortest spelling).
    public let text: String
    /// The value as a correctly rounded Double.
    public let double: Double

    /// A number read from JSON text; `text` must follow the JSON grammar and spell `double`.
    init(text: String, double: Double) {
        self.text = text
        self.double = double
    }

    /// The number `value` spells in its shortest round-trip form (`value` must be finite).
    public init(_ value: Double) {
        text = "\(value)"
        double = value
    }

    public init(floatLiteral value: Double) { self.init(value) }
    public init(integerLiteral value: Int) { self.init(text: String(value), double: Double(value)) }

    public var description: String { text }

    /// The number as a `T`, read exactly from its text: `3`, `3.0` and `3e0` are 3; `1.5` is not an
    /// integer; a value beyond `T`'s range is out of range (never rounded or clamped).
    public func integer<T: FixedWidthInteger>(as type: T.Type = T.self) throws(JSONIntegerProblem) -> T {
        let decimal = Decimal(text)
        guard !decimal.digits.isEmpty else { return 0 }
        guard decimal.exponent >= 0 else { throw .notAnInteger }
        // More than 20 digits is beyond any 64-bit integer.
        guard decimal.digits.count + decimal.exponent <= 20 else { throw .outOfRange }
        var magnitude: UInt64 = 0
        for digit in decimal.digits + Array(repeating: 0, count: decimal.exponent) {
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { throw .outOfRange }
            magnitude = sum
        }
        if !decimal.negative {
            guard let value = T(exactly: magnitude) else { throw .outOfRange }
            return value
        }
        guard T.isSigned else { throw .outOfRange }
        // -magnitude, including T.min, whose magnitude is one more than T.max.
        guard magnitude <= UInt64(T.max) + 1 else { throw .outOfRange }
        return magnitude == UInt64(T.max) + 1 ? T.min : 0 - T(magnitude)
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { Decimal(lhs.text) == Decimal(rhs.text) }
    public func hash(into hasher: inout Hasher) { hasher.combine(Decimal(text)) }

    /// A decimal number in normal form: value = (negative ? -1 : 1) x digits x 10^exponent, the
    /// digits without leading or trailing zeros (none at all for zero, which has no sign).
    private struct Decimal: Hashable {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0

        /// Reads JSON number text (-?digits(.digits)?([eE][+-]?digits)?).
        init(_ text: String) {
            var bytes = Array(text.utf8)[...]
            if bytes.first == UInt8(ascii: "-") {
                negative = true
                bytes = bytes.dropFirst()
            }
            var fractionDigits = 0, inFraction = false
            while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if byte == UInt8(ascii: ".") { inFraction = true; continue }
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { continue }
                if digits.isEmpty && byte == UInt8(ascii: "0") {
                    // A leading zero; after the point it still moves the digits right.
                    if inFraction { fractionDigits += 1 }
                    continue
                }
                digits.append(byte - UInt8(ascii: "0"))
                if inFraction { fractionDigits += 1 }
            }
            var written = 0, exponentNegative = false
            if !bytes.isEmpty {
                bytes = bytes.dropFirst()
                if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                    exponentNegative = sign == UInt8(ascii: "-")
                    bytes = bytes.dropFirst()
                }
                // Saturated far beyond any number a reader could want as an integer or a Double.
                for byte in bytes { written = min(written * 10 + Int(byte - UInt8(ascii: "0")), 1 << 40) }
            }
            while digits.last == 0 {
                digits.removeLast()
                fractionDigits -= 1
            }
            if digits.isEmpty {
                negative = false
                return
            }
            exponent = (exponentNegative ? -written : written) - fractionDigits
        }
    }
}
