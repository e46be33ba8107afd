/// A JSON value as parsed from a safetensors header. Strings remember where their raw bytes sit
/// in the header so the checksum can be located without re-encoding.
indirect enum JSONValue {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    /// Decoded text and the byte range of its raw contents (between the quotes) in the header.
    case string(String, rawRange: Range<Int>)
    /// The number exactly as written, so integers are converted without going through Double.
    case number(String)
    case bool(Bool)
    case null

    /// The JSON type name, for error messages.
    var typeName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes: rejects duplicate keys, invalid UTF-8, unescaped
/// control characters, nesting deeper than `maximumDepth` and anything after the top-level value
/// except whitespace (the reference pads headers with spaces).
struct JSONParser {
    static let maximumDepth = 32

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses `bytes` as one JSON object followed only by whitespace.
    static func parseObject(_ bytes: [UInt8]) throws(SafeTensorsError) -> [(key: String, value: JSONValue)] {
        var parser = JSONParser(bytes)
        guard bytes.first == UInt8(ascii: "{") else {
            throw parser.failure("the header must start with '{'")
        }
        guard case let .object(members) = try parser.parseValue(depth: 0) else {
            throw parser.failure("the header must be a JSON object")
        }
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw parser.failure("unexpected bytes after the header object")
        }
        return members
    }

    private func failure(_ reason: String) -> SafeTensorsError {
        .invalidHeader(offset: position, reason: reason)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            position += 1
        }
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(SafeTensorsError) {
        guard current == UInt8(ascii: character) else {
            throw failure(current == nil ? "expected '\(character)' but the header ended" : "expected '\(character)'")
        }
        position += 1
    }

    private mutating func parseValue(depth: Int) throws(SafeTensorsError) -> JSONValue {
        guard depth < JSONParser.maximumDepth else { throw failure("nesting deeper than \(JSONParser.maximumDepth) levels") }
        skipWhitespace()
        guard let byte = current else { throw failure("expected a value but the header ended") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObjectBody(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""):
            let (text, range) = try parseString()
            return .string(text, rawRange: range)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        default: throw failure("unexpected character")
        }
    }

    private mutating func parseObjectBody(depth: Int) throws(SafeTensorsError) -> JSONValue {
        try expect("{")
        var members: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyStart = position
            guard current == UInt8(ascii: "\"") else { throw failure("expected a string key") }
            let (key, _) = try parseString()
            guard seen.insert(key).inserted else {
                position = keyStart
                throw failure("duplicate key \"\(key)\"")
            }
            skipWhitespace()
            try expect(":")
            let value = try parseValue(depth: depth + 1)
            members.append((key, value))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect("}")
            return .object(members)
        }
    }

    private mutating func parseArray(depth: Int) throws(SafeTensorsError) -> JSONValue {
        try expect("[")
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                position += 1
                continue
            }
            try expect("]")
            return .array(elements)
        }
    }

    private mutating func parseLiteral(_ literal: String) throws(SafeTensorsError) {
        for expected in literal.utf8 {
            guard current == expected else { throw failure("invalid literal, expected \(literal)") }
            position += 1
        }
    }

    private mutating func parseNumber() throws(SafeTensorsError) -> JSONValue {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (0x30...0x39).contains($0) } ?? false }
        guard isDigit(current) else { throw failure("invalid number") }
        if current == UInt8(ascii: "0") {
            position += 1
        } else {
            while isDigit(current) { position += 1 }
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard isDigit(current) else { throw failure("invalid number: digits must follow '.'") }
            while isDigit(current) { position += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard isDigit(current) else { throw failure("invalid number: digits must follow the exponent") }
            while isDigit(current) { position += 1 }
        }
        return .number(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    /// Parses a string starting at its opening quote; returns its text and the raw range between the quotes.
    private mutating func parseString() throws(SafeTensorsError) -> (String, Range<Int>) {
        try expect("\"")
        let contentStart = position
        var decoded: [UInt8] = []
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                let range = contentStart..<position
                position += 1
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    position = contentStart
                    throw failure("string is not valid UTF-8")
                }
                return (text, range)
            case UInt8(ascii: "\\"):
                position += 1
                try parseEscape(into: &decoded)
            case 0x00..<0x20:
                throw failure("control character 0x\(String(byte, radix: 16)) must be escaped in a string")
            default:
                decoded.append(byte)
                position += 1
            }
        }
    }

    private mutating func parseEscape(into decoded: inout [UInt8]) throws(SafeTensorsError) {
        guard let byte = current else { throw failure("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): decoded.append(0x22)
        case UInt8(ascii: "\\"): decoded.append(0x5C)
        case UInt8(ascii: "/"): decoded.append(0x2F)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard current == UInt8(ascii: "\\") else { throw failure("unpaired UTF-16 surrogate in \\u escape") }
                position += 1
                try expect("u")
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired UTF-16 surrogate in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw failure("\\u escape is not a Unicode scalar") }
            decoded.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            position -= 1
            throw failure("invalid escape '\\\(Character(Unicode.Scalar(byte)))'")
        }
    }

    private mutating func parseHex4() throws(SafeTensorsError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexValue(byte) else { throw failure("\\u must be followed by 4 hex digits") }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
