import Foundation
import JSONLines
import Testing

@Suite struct JSONValueTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONValue.parse(#"  {"op":"step","action":[0.1,-2,3e2,-0.5E-3,0],"ok":true,"no":false,"nothing":null,"nested":{"a":[[]],"b":{}}}  "#)
        #expect(value == .object([
            "op": .string("step"),
            "action": .array([.number(0.1), .number(-2), .number(300), .number(-0.0005), .number(0)]),
            "ok": .bool(true), "no": .bool(false), "nothing": .null,
            "nested": .object(["a": .array([.array([])]), "b": .object([:])]),
        ]))
        #expect(try JSONValue.parse("7").number == 7)
        #expect(try JSONValue.parse("true").number == nil)   // booleans are never numbers
    }

    @Test func readsEscapesAndUnicode() throws {
        let value = try JSONValue.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\u20ac\ud83d\ude00 é€😀""#)
        #expect(value == .string("a\"b\\c/d\u{08}\u{0C}\n\r\té€😀 é€😀"))
    }

    /// Texts that are not JSON are refused with the offset where reading stopped.
    @Test(arguments: ["", "   ", "{", "[1,]", "[1 2]", "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "01", "1.", ".5", "+1", "-", "1e", "1e+",
                      "tru", "nul", "\"abc", "\"a\u{01}b\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "[1]x", "{} {}", "NaN", "Infinity",
                      String(repeating: "[", count: 100) + String(repeating: "]", count: 100)])
    func refusesWhatIsNotJSON(text: String) {
        do {
            let value = try JSONValue.parse(text)
            Issue.record("accepted \(text.debugDescription) as \(value)")
        } catch {
            #expect(error.offset >= 0 && error.offset <= text.utf8.count && !error.reason.isEmpty)
        }
    }

    /// Numbers read exactly as glibc's strtod (correctly rounded) reads them. Foundation's JSON
    /// reader on Linux is not a reference: it misreads some, e.g. 0.30000000000000004 by an ulp.
    @Test func numbersAreCorrectlyRounded() throws {
        var state: UInt64 = 12345
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var texts = ["0", "-0", "1", "-1", "0.1", "1e308", "2.2250738585072014e-308", "4.9e-324", "123456789012345678901234567890",
                     "0.30000000000000004", "1E-7", "-9.999999999999999e22", "0.1000000000000000055511151231257827"]
        for _ in 0..<2000 {
            texts.append("\(Double(bitPattern: next() & 0x7FEF_FFFF_FFFF_FFFF))")
            texts.append("\(Float(bitPattern: UInt32(truncatingIfNeeded: next()) & 0x7F7F_FFFF))")
            texts.append("\(Int64(bitPattern: next()) >> Int(next() % 60))")
            texts.append("\(next() % 1000).\(next())e-\(next() % 300)")
        }
        for text in texts {
            let expected = strtod(text, nil)
            guard case .array(let values) = try JSONValue.parse("[\(text)]"), values.count == 1 else {
                Issue.record("\(text) is not read as one number")
                continue
            }
            #expect(values[0].number?.bitPattern == expected.bitPattern, "\(text)")
        }
        #expect(try JSONValue.parse("0.30000000000000004").number == 0.1 + 0.2)
    }

    /// What `JSONText` writes reads back as the same value.
    @Test func writtenTextReadsBack() throws {
        for text in ["plain", "quote \" backslash \\ slash /", "controls \u{00}\u{01}\u{1F}\n\r\t", "é€😀", ""] {
            #expect(try JSONValue.parse(JSONText.quoted(text)) == .string(text))
        }
        let floats: [Float] = [0.1, -3.4028235e38, 1.0e-45, 0, 12.5]
        guard case .array(let values) = try JSONValue.parse(JSONText.array(floats)) else {
            Issue.record("not an array")
            return
        }
        #expect(values.compactMap(\.number).map(Float.init) == floats)
        #expect(JSONText.number(Double.nan) == "null" && JSONText.number(Float.infinity) == "null")
        let value = JSONValue.object(["b": .array([.number(1.5), .null, .bool(true)]), "a": .string("x\"y")])
        #expect(value.jsonText == #"{"a":"x\"y","b":[1.5,null,true]}"#)
        #expect(try JSONValue.parse(value.jsonText) == value)
    }

    /// Integer fields are read from the number's text, not through a Double: above 2^53 a
    /// Double cannot hold every integer, and 2^64 - 1 is not a Double at all (issue 19).
    @Test func integersAreReadExactlyFromTheText() throws {
        func read<T: FixedWidthInteger>(_ text: String, as type: T.Type) throws -> Result<T, JSONIntegerProblem> {
            let value = try JSONValue.parse(text)
            do { return .success(try value.integer(as: T.self)) } catch { return .failure(error) }
        }
        #expect(try read("9007199254740993", as: UInt64.self) == .success(9_007_199_254_740_993))
        #expect(try read("9007199254740993", as: UInt64.self) != read("9007199254740992", as: UInt64.self))
        #expect(try read("18446744073709551615", as: UInt64.self) == .success(UInt64.max))
        #expect(try read("18446744073709551616", as: UInt64.self) == .failure(.outOfRange))
        #expect(try read("-1", as: UInt64.self) == .failure(.outOfRange))
        #expect(try read("-0", as: UInt64.self) == .success(0))
        #expect(try read("9223372036854775807", as: Int.self) == .success(Int.max))
        #expect(try read("-9223372036854775808", as: Int.self) == .success(Int.min))
        #expect(try read("9223372036854775808", as: Int.self) == .failure(.outOfRange))
        #expect(try read("-9223372036854775809", as: Int.self) == .failure(.outOfRange))
        // An integer's other spellings are that integer; a fraction is not one.
        #expect(try read("3.0", as: Int.self) == .success(3))
        #expect(try read("3e0", as: Int.self) == .success(3))
        #expect(try read("1.5e1", as: Int.self) == .success(15))
        #expect(try read("250e-2", as: Int.self) == .failure(.notAnInteger))
        #expect(try read("1e-400", as: Int.self) == .failure(.notAnInteger))
        #expect(try read("0.0e5", as: Int.self) == .success(0))
        #expect(try read("1.8446744073709551615e19", as: UInt64.self) == .success(UInt64.max))
        #expect(try read("1e20", as: UInt64.self) == .failure(.outOfRange))
        #expect(try read("1e999999999999999999999", as: UInt64.self) == .failure(.outOfRange))
        #expect(try read("\"7\"", as: Int.self) == .failure(.notANumber))
        #expect(try read("true", as: Int.self) == .failure(.notANumber))
        // The text is kept: what was sent is what an error message quotes.
        #expect(try JSONValue.parse("[9007199254740993]").jsonText == "[9007199254740993]")
        #expect(try JSONValue.parse("1.0") == JSONValue.parse("10e-1"))
        #expect(try JSONValue.parse("0.1") != JSONValue.parse("0.1000000000000000055511151231257827"))
    }
}
