import ArgumentParser
import Foundation
import Daemon
import Operations
import Reporting

extension Report.Export: ExpressibleByArgument {}

/// What `dratsd report` groups runs by.
enum ReportGrouping: String, CaseIterable, ExpressibleByArgument {
    /// The sampler (`uniform`, `drats`, ...): the sampler comparison.
    case sampler
    /// The config's `run.name`: an ablation of other settings under one sampler.
    case name
}

/// `dratsd report RUN... [--folder PATH]...`: compare samplers over runs with tables and plots.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Compare runs by sampler: learning curves, final per-task success, sampling probabilities and a summary table.",
        discussion: """
        Groups the runs by sampler and writes into --out: learning-curves.svg/.png, final-success.svg/.png, \
        sampling-probabilities.svg/.png and summary.md. Intervals are percentile-bootstrap 95% intervals over seeds \
        (10,000 resamples, seed 1), so the same runs always give the same report. summary.md also gives rliable's \
        aggregate measures of the final success rates (IQM, optimality gap, mean, probability of improvement over \
        uniform) with stratified-bootstrap intervals from the same resamples and seed. Runs without an evaluation yet \
        are left out with a note on stderr.
        """
    )

    @Argument(help: ArgumentHelp("Run ids or unique prefixes (see `dratsd list`).", valueName: "run"))
    var runs: [String] = []

    @Option(name: .customLong("sweep"), help: ArgumentHelp("Add every run of this sweep (id or unique prefix, see `dratsd list --sweeps`); repeatable.",
                                                           valueName: "sweep-id"))
    var sweeps: [String] = []

    @Flag(help: "Add every completed run in the state directory.")
    var all = false

    @Option(name: .customLong("folder"), help: ArgumentHelp(
        "A run folder outside the state directory (holding config.yaml and metrics.jsonl), e.g. one copied off a cluster node or archived under results/; repeatable.",
        valueName: "path"))
    var folders: [String] = []

    @Option(help: "Directory for the report files (created if missing).")
    var out = "report"

    @Option(help: "Mean success rate in [0, 1] for the 'steps to reach' column.")
    var successThreshold = 0.5

    @Flag(help: "Print the summary numbers as JSON on stdout (the files are written too).")
    var json = false

    @Option(name: .customLong("group-by"), help: ArgumentHelp(
        "Group runs by their sampler (the sampler comparison) or by their config's run.name (an ablation under one sampler); the tables and plots then label groups by name.",
        valueName: "sampler|name"))
    var grouping: ReportGrouping = .sampler

    @Option(help: ArgumentHelp(
        "Also write the runs as tables: csv gives tidy.csv (run, sweep, sampler, seed, task, env_steps, metric, value) and scores.csv (runs x tasks success at the common final evaluation, for rliable); repeatable.",
        valueName: "format"))
    var export: [Report.Export] = []

    @OptionGroup var stateDirectory: StateDirectoryOption

    func validate() throws {
        if runs.isEmpty && !all && folders.isEmpty && sweeps.isEmpty {
            throw ValidationError("name at least one run id, --sweep or --folder, or use --all")
        }
        if !(0...1).contains(successThreshold) {
            throw ValidationError("--success-threshold is \(successThreshold); it must be in [0, 1]")
        }
    }

    func run() throws {
        var loaded: [ReportRun] = []
        if !runs.isEmpty || !sweeps.isEmpty || all {
            // Runs of the registry and of Slurm sweeps alike (`RunCatalog`).
            let catalog = try stateDirectory.openCatalog()
            var records = all ? try catalog.list().records.filter { $0.state == .completed } : []
            for query in runs { records.append(try catalog.lookup(query).record) }
            for query in sweeps { records += try catalog.sweepRuns(query).records }
            loaded = try ReportBuilder.loadRuns(records: records, stateDirectory: catalog.stateDirectory)
        }
        for folder in folders { loaded.append(try ReportRun.load(folder: folder)) }
        if grouping == .name {
            // The report groups and labels by `sampler`; under --group-by name that is the run's name.
            loaded = loaded.map { run in
                var run = run
                run.sampler = run.name
                return run
            }
        }
        let report = try ReportBuilder.build(loaded, successThreshold: successThreshold)
        for (runID, reason) in report.skipped {
            FileHandle.standardError.write(Data("left out \(runID): \(reason)\n".utf8))
        }
        let written = try report.write(to: out, exports: export)
        if json {
            print(try report.summaryJSON())
        } else {
            for path in written { print("wrote \(path)") }
        }
    }
}
