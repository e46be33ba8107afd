import Foundation

/// How the bench commands print: a table for people, JSON (sorted keys) for scripts.
enum BenchOutput {
    /// Prints a whole report as pretty-printed JSON, or its table.
    static func print<Report: Encodable>(_ report: Report, json: Bool, table: @autoclosure () -> String) throws {
        guard json else { return Swift.print(table()) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        Swift.print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }

    /// Prints one result as a single JSON line and flushes, so a reader sees each result as soon
    /// as it is measured rather than when the whole (possibly minutes-long) run ends.
    static func printLine<Result: Encodable>(_ result: Result) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        Swift.print(String(decoding: try encoder.encode(result), as: UTF8.self))
        fflush(nil)
    }
}
