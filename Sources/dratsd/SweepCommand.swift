import ArgumentParser
import Daemon
import Foundation
import Operations
import RunConfiguration
import RunExecution

/// `dratsd sweep CONFIG key=a,b,c key2=1..5 [--name NAME]`: one run per combination of values.
/// Where a sweep's runs train.
enum SweepBackend: String, CaseIterable, ExpressibleByArgument {
    /// Queued in the state directory's registry for `dratsd serve`.
    case local
    /// A Slurm job array, each task `dratsd train --run-folder` on a pre-created run folder.
    case slurm
}

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Queue one run per combination of the values given for some settings; prints the sweep id, then each run id.",
        discussion: """
        Each key=values argument names a setting and its values, separated by commas (outside brackets and quotes, \
        so ppo.hiddenSizes=[64,64],[128,128] is two values); a..b is every integer from a to b (run.seed=1..5). A \
        single value is an override shared by every run. The runs are the cartesian product, the first key varying \
        slowest: with run.seed first, a sweep cut short has every other combination at its first seeds. Every run's \
        config is checked exactly like `dratsd submit` checks one (including --memory-limit) before any is queued, \
        and all of them and the sweep are queued in one transaction. `dratsd list --sweep ID` and \
        `dratsd report --sweep ID` work on the sweep; `dratsd serve` trains its runs in the order printed.
        """
    )

    @Argument(help: "Run config (YAML) the runs are made from, e.g. configs/compare-mt10-10m/uniform.yaml.")
    var config: String

    @Argument(help: ArgumentHelp("Settings and their values, e.g. run.seed=1..5 sampler.kind=uniform,drats.", valueName: "key=values"))
    var axes: [String] = []

    @Option(help: "Name of the sweep (default: the config's run.name).")
    var name: String?

    @Option(help: ArgumentHelp("Where the runs train: local (queued for `dratsd serve`) or slurm (a job array submitted with sbatch).",
                               valueName: "local|slurm"))
    var backend: SweepBackend = .local

    @Option(help: "Slurm: the partition (default: the cluster's).")
    var partition: String?

    @Option(help: ArgumentHelp("Slurm: each task's time limit, e.g. 04:00:00; USR1 --signal-seconds before it checkpoints and requeues the run.", valueName: "HH:MM:SS"))
    var time: String?

    @Option(name: .customLong("cpus-per-task"), help: "Slurm: CPUs per run, its environment threads.")
    var cpusPerTask = 1

    @Option(name: .customLong("max-parallel"), help: "Slurm: at most this many runs at once (the array's %K throttle).")
    var maxParallel: Int?

    @Option(name: .customLong("signal-seconds"), help: "Slurm: seconds before the time limit that USR1 arrives.")
    var signalSeconds = 120

    @Option(name: .customLong("sbatch-arg"), help: ArgumentHelp("Slurm: one more sbatch option, e.g. --sbatch-arg=--mem=4G; repeatable.", valueName: "option"))
    var sbatchArguments: [String] = []

    var slurmOptions: SlurmOptions {
        SlurmOptions(partition: partition, time: time, cpusPerTask: cpusPerTask, maxParallel: maxParallel,
                     signalSeconds: signalSeconds, extraArguments: sbatchArguments)
    }

    @OptionGroup var memoryLimit: MemoryLimitOption
    @OptionGroup var stateDirectory: StateDirectoryOption

    func validate() throws {
        if ConfigOverride.isOverride(config) {
            throw ValidationError("the first argument '\(config)' is a key=values; name the config file first, e.g. dratsd sweep configs/mt10-uniform.yaml \(config)")
        }
        guard !axes.isEmpty else { throw ValidationError("give at least one key=values to sweep, e.g. run.seed=1..5") }
        for argument in axes where !ConfigOverride.isOverride(argument) {
            throw ValidationError("'\(argument)' is not a key=values argument; a sweep takes one config, then e.g. sampler.kind=uniform,drats run.seed=1..3")
        }
        if let name, name.isEmpty || name.contains(where: \.isNewline) || name.unicodeScalars.contains(where: PrintableText.needsEscape) {
            throw ValidationError("--name must be one non-empty line without control characters")
        }
        _ = try SweepAxis.combinations(try axes.map { try SweepAxis(parsing: $0) })
        if backend == .slurm {
            if let problem = slurmOptions.problems().first { throw ValidationError(problem) }
        } else if partition != nil || time != nil || maxParallel != nil || !sbatchArguments.isEmpty || cpusPerTask != 1 {
            throw ValidationError("--partition, --time, --cpus-per-task, --max-parallel and --sbatch-arg are for --backend slurm")
        }
    }

    /// This binary's absolute path, which the array tasks run (the nodes must see it there).
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    func run() throws {
        let limit = try memoryLimit.resolve()
        let parsed = try axes.map { try SweepAxis(parsing: $0) }
        let planned = try SweepSubmitter.plan(configPath: config, axes: parsed, trainability: RunTrainability.problems, memoryLimit: limit)
        if backend == .slurm {
            // No database: the state directory is on the filesystem the nodes share.
            let directory = try StateDirectory.prepare(flag: stateDirectory.path)
            let (manifest, folder) = try SlurmSweepSubmitter.create(planned, name: name, configPath: config, axes: parsed, stateDirectory: directory,
                                                                    options: slurmOptions, dratsdPath: Self.executablePath)
            print("sweep \(manifest.sweep.id): \(PrintableText.escaped(manifest.sweep.name)), \(manifest.runIDs.count) run\(manifest.runIDs.count == 1 ? "" : "s") "
                + "from \(config) as Slurm array job \(manifest.arrayJobID ?? "?"); script \(folder.scriptPath)")
            print(manifest.sweep.id)
            for (plan, id) in zip(planned, manifest.runIDs) {
                print("queued \(plan.overrides.map(\.argument).joined(separator: " ")): " + RunSubmitter.summary(plan.config))
                print(id)
            }
            return
        }
        let (_, store) = try stateDirectory.open()
        let (sweep, runs) = try SweepSubmitter.submit(planned, name: name, configPath: config, axes: parsed, store: store)
        print("sweep \(sweep.id): \(PrintableText.escaped(sweep.name)), \(runs.count) run\(runs.count == 1 ? "" : "s") from \(config)")
        print(sweep.id)
        for (plan, record) in zip(planned, runs) {
            print("queued \(plan.overrides.map(\.argument).joined(separator: " ")): " + RunSubmitter.summary(plan.config))
            print(record.id)
        }
    }
}
