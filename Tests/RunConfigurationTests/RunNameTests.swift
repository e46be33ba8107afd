import Foundation
import Testing
@testable import RunConfiguration

/// Run names are printed by `list`, `show`, `submit`, train.log and the service's log (issue 19,
/// item 6): new ones may not hold control or format characters, and what is printed escapes them.
@Suite struct RunNameTests {
    /// Names are printed by list, show and the service's log: control and format characters
    /// (escape codes, bidirectional overrides) are refused, naming the character.
    @Test(arguments: [("evil\u{1B}[2J", "U+001B, a control character"), ("a\u{202E}b", "U+202E, a format character"),
                      ("tab\there", "U+0009, a control character"), ("zero\u{200B}width", "U+200B, a format character")])
    func namesWithControlOrFormatCharactersAreRefused(name: String, detail: String) throws {
        let yaml = "run: {name: \"\(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u\(String(format: "%04X", $0.value))" }.joined())\"}\n"
        do {
            _ = try RunConfig.load(yaml: yaml, file: "names.yaml")
            Issue.record("accepted \(name.debugDescription)")
        } catch {
            #expect(error.problems.map(\.keyPath) == ["run.name"], "\(error)")
            let message = error.problems.first?.message ?? ""
            #expect(message.contains(detail) && message.contains("without control or format characters"), "\(message)")
            #expect(!message.unicodeScalars.contains(where: PrintableText.needsEscape), "\(message.debugDescription)")
        }
        #expect(try RunConfig.load(yaml: "run: {name: \"tâche-é 😀\"}\n").run.name == "tâche-é 😀")
    }

    @Test func printableTextEscapesControlAndFormatCharacters() {
        #expect(PrintableText.escaped("ok-name") == "ok-name")
        #expect(PrintableText.escaped("x\u{1B}[2Jy\nz\u{202E}") == "x\\u{1B}[2Jy\\u{A}z\\u{202E}")
        #expect(PrintableText.escaped("tâche-é\u{200D}") == "tâche-é\\u{200D}")
    }
}
