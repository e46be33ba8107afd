import Foundation

/// Parsing of the bench commands' comma-separated list options.
enum BenchList {
    /// Parses a comma-separated list of positive integers (`--threads 1,2`); nil when empty or
    /// when any entry is not a positive integer.
    static func positiveIntegers(_ list: String) -> [Int]? {
        let parts = list.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
        return parts.compactMap { $0 }
    }
}
