import Daemon
import Foundation
import RunConfiguration

/// Text and JSON renderings of runs for the CLI.
public enum RunFormatting {
    /// JSON with sorted keys and ISO 8601 dates, pretty-printed.
    public static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `dratsd list`: one row per run, oldest first.
    /// `notes` (by run id) replace the orphan check for runs another machine trains (a Slurm
    /// run's task and its state in Slurm).
    public static func table(_ records: [RunRecord], notes: [String: String] = [:]) -> String {
        guard !records.isEmpty else { return "no runs" }
        let header = ["ID", "NAME", "STATE", "SAMPLER", "STEPS", "PROGRESS", "STEPS/S", "CREATED"]
        let rows = records.map { record in
            [record.id, PrintableText.escaped(record.name), notes[record.id].map { "\(record.state) (\($0))" } ?? stateLabel(record), PrintableText.escaped(record.samplerName), "\(record.envSteps)",
             percent(record), String(format: "%.0f", record.stepsPerSecond), timestamp(record.createdAt)]
        }
        return align([header] + rows)
    }

    /// `dratsd list --sweeps`: one row per sweep, oldest first; the swept keys on one line.
    public static func table(_ sweeps: [SweepRecord]) -> String {
        guard !sweeps.isEmpty else { return "no sweeps" }
        let header = ["ID", "NAME", "RUNS", "CONFIG", "KEYS", "CREATED"]
        let rows = sweeps.map { sweep in
            [sweep.id, PrintableText.escaped(sweep.name), "\(sweep.runCount)", PrintableText.escaped(sweep.configPath),
             PrintableText.escaped(sweep.axesText.split(separator: "\n").joined(separator: " ")), timestamp(sweep.createdAt)]
        }
        return align([header] + rows)
    }

    /// `dratsd show`: the run's facts, then its per-task table when there are metrics.
    public static func text(_ details: RunDetails) -> String {
        let run = details.run
        var facts: [[String]] = [
            ["run", run.id],
            ["name", PrintableText.escaped(run.name)],
            ["state", stateLabel(run) + (run.cancelRequested && run.state == .running ? " (cancel requested)" : "")
                + (run.isOrphaned ? ": its process \(run.owner?.pid ?? 0) is gone; the next `dratsd serve` requeues it" : "")],
            ["sampler", "\(run.samplerName), seed \(run.seed)"],
        ] + (run.sweepID.map { [["sweep", $0]] } ?? []) + [
            ["steps", "\(run.envSteps) / \(run.totalEnvSteps) (\(percent(run)))"],
            ["steps/s", String(format: "%.1f", run.stepsPerSecond)],
            ["created", timestamp(run.createdAt)],
        ]
        if let started = run.startedAt { facts.append(["started", timestamp(started)]) }
        if let finished = run.finishedAt { facts.append(["finished", timestamp(finished)]) }
        facts.append(["attempts", "\(run.attemptCount)" + (run.lostAttempts > 0 ? " (\(run.lostAttempts) lost in a row: the service died without checkpointing)" : "")])
        if let reason = run.failureReason { facts.append(["failure", "\(reason) (faults: \(run.faultCount))"]) }
        if let checkpoint = run.lastCheckpointPath { facts.append(["checkpoint", checkpoint]) }
        facts.append(["folder", details.folder])
        var text = align(facts)
        if !details.tasks.isEmpty {
            let rows = details.tasks.map { report in
                [report.task, number(report.successRate, "%.2f"), number(report.episodeReturn, "%.1f"),
                 number(report.samplingProbability, "%.3f")]
            }
            text += "\n\n" + align([["TASK", "SUCCESS", "RETURN", "PROBABILITY"]] + rows)
        }
        if details.unreadableMetricLines > 0 {
            text += "\n\nnote: \(details.unreadableMetricLines) line(s) of metrics.jsonl are not JSON objects and were skipped"
        }
        return text
    }

    /// The state, with "orphaned" for a running run whose process is gone.
    static func stateLabel(_ record: RunRecord) -> String {
        record.isOrphaned ? "orphaned" : record.state.rawValue
    }

    static func percent(_ record: RunRecord) -> String {
        String(format: "%.1f%%", 100 * Double(record.envSteps) / Double(max(record.totalEnvSteps, 1)))
    }

    static func number(_ value: Double?, _ format: String) -> String {
        value.map { String(format: format, $0) } ?? "-"
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// Left-aligned columns separated by two spaces.
    static func align(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
