import ArgumentParser
import RunConfiguration
import RunExecution

/// `dratsd train CONFIG [key=value...]`: train one run in the foreground, no service needed.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one run in the foreground with live progress; Ctrl-C checkpoints and pauses it.",
        discussion: """
        The run is registered in the state directory like a submitted one (list, show, logs work on it).
        SIGINT or SIGTERM stops it after the current iteration with a checkpoint and leaves it paused;
        `dratsd resume RUN` then queues it for `dratsd serve`. The last line printed is the run id and its folder.
        A config whose memory estimate exceeds --memory-limit is refused before anything is registered. \
        Arguments key=value after the config override its settings as for `dratsd submit` (e.g. run.seed=3 \
        ppo.learningRate=3e-4), checked like the file's own and recorded in the run's config.yaml.
        """
    )

    @Argument(help: "Run config (YAML), e.g. configs/quickstart-mt10.yaml.")
    var config: String?

    @Option(name: .customLong("run-folder"), help: ArgumentHelp(
        "Train the run in this folder of a Slurm sweep instead (what its job array's tasks run): its status.json is its record, no database is used; USR1 checkpoints and requeues the task, SIGTERM checkpoints and stops.",
        valueName: "path"))
    var runFolder: String?

    @Argument(help: ArgumentHelp("Overrides of the config's settings, e.g. run.seed=3 ppo.learningRate=3e-4.", valueName: "key=value"))
    var overrides: [String] = []

    func validate() throws {
        if runFolder != nil {
            guard config == nil, overrides.isEmpty else {
                throw ValidationError("--run-folder trains a run that already has its config; give no config or overrides with it")
            }
            return
        }
        guard let config else { throw ValidationError("name a run config, e.g. dratsd train configs/quickstart-mt10.yaml, or give --run-folder") }
        if ConfigOverride.isOverride(config) {
            throw ValidationError("the first argument '\(config)' is an override; name the config file first, e.g. dratsd train configs/quickstart-mt10.yaml \(config)")
        }
        for argument in overrides where !ConfigOverride.isOverride(argument) {
            throw ValidationError("'\(argument)' is not a key=value override; train takes one config, then overrides such as run.seed=3")
        }
        for argument in overrides { _ = try ConfigOverride(parsing: argument) }
    }

    @OptionGroup var memoryLimit: MemoryLimitOption
    @OptionGroup var stateDirectory: StateDirectoryOption

    func run() throws {
        let limit = try memoryLimit.resolve()
        if let runFolder {
            let status = try SlurmTaskTraining.run(folderPath: runFolder, memoryLimit: limit)
            if status != 0 { throw ExitCode(status) }
            return
        }
        guard let config else { throw ValidationError("name a run config") }
        let (directory, store) = try stateDirectory.open()
        let parsed = try overrides.map { try ConfigOverride(parsing: $0) }
        let result = try ForegroundTraining.run(configPath: config, overrides: parsed, stateDirectory: directory, store: store, memoryLimit: limit)
        if result.outcome == .completed { return }
        // Interrupted by a signal: the shell convention 128 + signal number.
        if case .paused = result.outcome, let signal = result.signal { throw ExitCode(128 + signal) }
        throw ExitCode.failure
    }
}
