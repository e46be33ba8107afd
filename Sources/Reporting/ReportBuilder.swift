import Daemon
import FileIO
import Foundation

/// A finished report: the numbers, the Markdown and the figures, ready to write.
public struct Report: Sendable {
    public var summary: ReportSummary
    public var markdown: String
    /// Figures by file stem (`learning-curves`, `final-success`, `sampling-probabilities`).
    public var figures: [(name: String, drawing: Drawing)]
    /// Runs left out and why (e.g. no evaluation yet), for the command to print.
    public var skipped: [(runID: String, reason: String)]
    /// The runs the report is made of (after those left out), for the exports.
    public var runs: [ReportRun] = []

    /// Tables written beside the report (`--export`).
    public enum Export: String, CaseIterable, Sendable {
        /// `tidy.csv` and `scores.csv` (`TidyExport`).
        case csv
    }

    /// Writes `summary.md`, each figure as `.svg` and `.png` and the `exports` into `directory`
    /// (created if missing), every file atomically. Returns the paths written.
    public func write(to directory: String, exports: [Export] = []) throws(ReportingError) -> [String] {
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
        if exports.contains(.csv) {
            files.append(("tidy.csv", Array(TidyExport.tidyCSV(runs).utf8)))
            guard let scores = TidyExport.scoresCSV(runs) else {
                throw .noRuns(reason: "the runs share no evaluation step with a task in common, so there is no scores.csv; "
                    + "report runs of one config (evaluated at the same steps)")
            }
            files.append(("scores.csv", Array(scores.csv.utf8)))
        }
        var written: [String] = []
        for (name, bytes) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try AtomicFile.write(bytes, to: path, permissions: 0o644)
            } catch {
                throw .cannotWrite(path: path, reason: DaemonError(error).description)
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
        var skipped = runs.filter(\.metrics.evaluations.isEmpty).map { ($0.id, "no evaluation in its metrics.jsonl yet") }
        let evaluated = runs.filter { !$0.metrics.evaluations.isEmpty }
        guard !evaluated.isEmpty else {
            throw .noRuns(reason: "none of the \(runs.count) run(s) has an evaluation yet; wait until a run passes evaluation.everyEnvSteps")
        }
        let (usable, duplicates) = oneRunPerSeed(evaluated)
        skipped += duplicates
        let groups = SamplerGroup.group(usable)
        let summary = SummaryCalculator.summarise(groups, successThreshold: successThreshold, bootstrap: bootstrap)
        return Report(summary: summary, markdown: SummaryMarkdown.render(summary, runs: usable),
                      figures: [("learning-curves", LearningCurvesFigure.drawing(groups, bootstrap: bootstrap)),
                                ("final-success", FinalSuccessFigure.drawing(summary)),
                                ("sampling-probabilities", SamplingProbabilitiesFigure.drawing(groups))],
                      skipped: skipped, runs: usable)
    }

    /// One run per (sampler, seed): the intervals are over seeds, and a second run of a sampler
    /// with the same seed is no new seed (the same config gives the same numbers, so it would
    /// count one outcome twice and narrow the interval). Keeps the run evaluated furthest (the
    /// first given on a tie) and names the others with the run kept.
    static func oneRunPerSeed(_ runs: [ReportRun]) -> (kept: [ReportRun], skipped: [(runID: String, reason: String)]) {
        func lastStep(_ run: ReportRun) -> Int { run.metrics.evaluations.last?.envSteps ?? 0 }
        var chosen: [String: ReportRun] = [:]
        func key(_ run: ReportRun) -> String { "\(run.sampler)\u{0}\(run.seed)" }
        for run in runs {
            if let current = chosen[key(run)], lastStep(current) >= lastStep(run) { continue }
            chosen[key(run)] = run
        }
        let kept = runs.filter { chosen[key($0)]?.id == $0.id }
        let skipped = runs.filter { chosen[key($0)]?.id != $0.id }.map { run in
            (run.id, "same sampler (\(run.sampler)) and seed (\(run.seed)) as run \(chosen[key(run)]!.id), which is reported; a seed counts once")
        }
        return (kept, skipped)
    }

    /// Loads the runs named by `queries` (ids or unique prefixes), the runs of each sweep in
    /// `sweeps` (ids or unique prefixes) and, with `all`, every completed run, from the store and
    /// their folders. Duplicates are read once.
    public static func loadRuns(queries: [String], sweeps: [String] = [], all: Bool, store: RunStore,
                                stateDirectory: StateDirectory) throws(ReportingError) -> [ReportRun] {
        var records: [RunRecord] = []
        do throws(DaemonError) {
            if all { records += try store.list(states: [.completed]) }
            for query in queries { records.append(try store.lookup(query)) }
            for query in sweeps { records += try store.runs(inSweep: try store.sweep(query).id) }
        } catch {
            throw .noRuns(reason: error.description)
        }
        return try loadRuns(records: records, stateDirectory: stateDirectory)
    }

    /// Loads `records`' runs from their folders (each once, in the order given).
    public static func loadRuns(records: [RunRecord], stateDirectory: StateDirectory) throws(ReportingError) -> [ReportRun] {
        var seen = Set<String>()
        var runs: [ReportRun] = []
        for record in records where seen.insert(record.id).inserted {
            runs.append(try ReportRun.load(record, stateDirectory: stateDirectory))
        }
        return runs
    }
}
