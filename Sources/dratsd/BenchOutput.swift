import Daemon
import FileIO
import Foundation

/// How the bench commands print: a table for people, JSON (sorted keys) for scripts, or both
/// (`--json-file`: the table on stdout, the JSON in a file, as `make bench` does).
enum BenchOutput {
    /// Prints a whole report as pretty-printed JSON, or its table; with `jsonFile`, prints the
    /// table and writes the JSON to that file (atomically: a reader never sees half of it).
    static func print<Report: Encodable>(_ report: Report, json: Bool, jsonFile: String? = nil, table: @autoclosure () -> String) throws {
        if let jsonFile {
            Swift.print(table())
            let text = try prettyJSON(report) + "\n"
            try DaemonError.mapping { () throws(FileIOError) in try AtomicFile.write(text: text, to: jsonFile, permissions: 0o644) }
            Swift.print("wrote \(jsonFile)")
            return
        }
        guard json else { return Swift.print(table()) }
        Swift.print(try prettyJSON(report))
    }

    private static func prettyJSON<Report: Encodable>(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
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
