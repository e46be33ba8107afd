import Daemon
import Foundation

/// A finished report: the numbers, the Markdown and the figures, ready to write.
public struct Report: Sendable {
    public var summary: ReportSummary
    public var markdown: String
    /// Figures by file stem (`learning-curves`, `final-success`, `sampling-probabilities`).
    public var figures: [(name: String, drawing: Drawing)]
    /// Runs left out and why (e.g. no evaluation yet), for the command to print.
    public var skipped: [(runID: String, reason: String)]

    /// Writes `summary.md` and each figure as `.svg` and `.png` into `directory` (created if
    /// missing), every file atomically. Returns the paths written.
    public func write(to directory: String) throws(ReportingError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory, reason: "cannot create the directory (\(error.localizedDescription))")
        }
        var files: [(String, [UInt8])] = [("summary.md", Array(markdown.utf8))]
        for (name, drawing) in figures {
            files.append(("\(name).svg", Array(SVGRenderer.render(drawing).utf8)))
            files.append(("\(name).png", RasterRenderer.png(drawing)))
        }
        var written: [String] = []
        for (name, bytes) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try AtomicFile.write(bytes, to: path, permissions: 0o644)
            } catch {
                throw .cannotWrite(path: path, reason: error.description)
            }
            written.append(path)
        }
        return written
    }

    /// The summary as pretty JSON; a median that was never reached is the string "not reached".
    public func summaryJSON() throws(ReportingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "not reached",
                                                                      negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(summary), as: UTF8.self)
        } catch {
            throw .cannotWrite(path: "<stdout>", reason: "the summary does not encode as JSON: \(error)")
        }
    }
}

/// Builds a report from runs: groups them by sampler, computes the summary and draws the figures.
public enum ReportBuilder {
    public static func build(_ runs: [ReportRun], successThreshold: Double = 0.5, bootstrap: Bootstrap = Bootstrap()) throws(ReportingError) -> Report {
        guard successThreshold.isFinite, (0...1).contains(successThreshold) else {
            throw .invalidOption(name: "--success-threshold", value: String(successThreshold), allowed: "a number in [0, 1]")
        }
        guard !runs.isEmpty else { throw .noRuns(reason: "no runs were given; name run ids (see `dratsd list`) or use --all") }
        let skipped = runs.filter(\.metrics.evaluations.isEmpty).map { ($0.id, "no evaluation in its metrics.jsonl yet") }
        let usable = runs.filter { !$0.metrics.evaluations.isEmpty }
        guard !usable.isEmpty else {
            throw .noRuns(reason: "none of the \(runs.count) run(s) has an evaluation yet; wait until a run passes evaluation.everyEnvSteps")
        }
        let groups = SamplerGroup.group(usable)
        let summary = SummaryCalculator.summarise(groups, successThreshold: successThreshold, bootstrap: bootstrap)
        return Report(summary: summary, markdown: SummaryMarkdown.render(summary, runs: usable),
                      figures: [("learning-curves", LearningCurvesFigure.drawing(groups, bootstrap: bootstrap)),
                                ("final-success", FinalSuccessFigure.drawing(summary)),
                                ("sampling-probabilities", SamplingProbabilitiesFigure.drawing(groups))],
                      skipped: skipped)
    }

    /// Loads the runs named by `queries` (ids or unique prefixes) or, with `all`, every
    /// completed run, from the store and their folders. Duplicates are read once.
    public static func loadRuns(queries: [String], all: Bool, store: RunStore,
                                stateDirectory: StateDirectory) throws(ReportingError) -> [ReportRun] {
        var records: [RunRecord] = []
        do throws(DaemonError) {
            if all { records += try store.list(states: [.completed]) }
            for query in queries { records.append(try store.lookup(query)) }
        } catch {
            throw .noRuns(reason: error.description)
        }
        var seen = Set<String>()
        var runs: [ReportRun] = []
        for record in records where seen.insert(record.id).inserted {
            runs.append(try ReportRun.load(record, stateDirectory: stateDirectory))
        }
        return runs
    }
}
