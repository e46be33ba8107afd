import Daemon
import FileIO
import Foundation
import JSONLines

/// The latest per-task values in a `metrics.jsonl` stream (one JSON object per line; later
/// lines override earlier ones, so the newest evaluation and sampler update win).
public struct MetricsSummary: Sendable, Equatable {
    /// One report per task, in `taskOrder` first, then any other task found, by name.
    public var tasks: [TaskReport]
    /// Complete lines that were not JSON objects (skipped, but counted so `show` can say so).
    public var unreadableLines: Int

    static var fields: [(suffix: String, prefix: String, keyPath: WritableKeyPath<TaskReport, Double?>)] { [
        ("/success_rate", "eval/", \.successRate),
        ("/return", "eval/", \.episodeReturn),
        ("/probability", "sampler/", \.samplingProbability),
    ] }

    /// Summarises the complete lines of `path`; a missing file is an empty summary.
    public static func read(path: String, taskOrder: [String]) throws(DaemonError) -> MetricsSummary {
        let lines: [String]
        do {
            lines = try DaemonError.mapping { () throws(FileIOError) in try LineReader.completeLines(path: path).lines }
        } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return MetricsSummary(tasks: [], unreadableLines: 0) }
            throw error
        }
        return summarise(lines: lines, taskOrder: taskOrder)
    }

    /// Summarises JSON lines (see `read`).
    public static func summarise(lines: [String], taskOrder: [String]) -> MetricsSummary {
        var reports: [String: TaskReport] = [:]
        var unreadable = 0
        for line in lines where !line.isEmpty {
            guard let record = MetricsRecord(line: line) else {
                unreadable += 1
                continue
            }
            for (key, number) in record.numbers {
                guard let field = fields.first(where: { key.hasPrefix($0.prefix) && key.hasSuffix($0.suffix) }) else { continue }
                let task = String(key.dropFirst(field.prefix.count).dropLast(field.suffix.count))
                guard !task.isEmpty, !task.contains("/") else { continue }
                reports[task, default: TaskReport(task: task)][keyPath: field.keyPath] = number
            }
        }
        let ordered = taskOrder.compactMap { reports[$0] }
        let others = reports.keys.filter { !taskOrder.contains($0) }.sorted().compactMap { reports[$0] }
        return MetricsSummary(tasks: ordered + others, unreadableLines: unreadable)
    }
}
