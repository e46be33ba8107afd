import ArgumentParser
import Daemon
import Operations
import RunConfiguration
import RunExecution

/// `dratsd sweep CONFIG key=a,b,c key2=1..5 [--name NAME]`: one run per combination of values.
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
    }

    func run() throws {
        let limit = try memoryLimit.resolve()
        let parsed = try axes.map { try SweepAxis(parsing: $0) }
        let planned = try SweepSubmitter.plan(configPath: config, axes: parsed, trainability: RunTrainability.problems, memoryLimit: limit)
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
