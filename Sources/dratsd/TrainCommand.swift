import ArgumentParser
import RunExecution

/// `dratsd train CONFIG`: train one run in the foreground, no service needed.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one run in the foreground with live progress; Ctrl-C checkpoints and pauses it.",
        discussion: """
        The run is registered in the state directory like a submitted one (list, show, logs work on it).
        SIGINT or SIGTERM stops it after the current iteration with a checkpoint and leaves it paused;
        `dratsd resume RUN` then queues it for `dratsd serve`. The last line printed is the run id and its folder.
        A config whose memory estimate exceeds --memory-limit is refused before anything is registered.
        """
    )

    @Argument(help: "Run config (YAML), e.g. configs/quickstart-mt10.yaml.")
    var config: String

    @OptionGroup var memoryLimit: MemoryLimitOption
    @OptionGroup var stateDirectory: StateDirectoryOption

    func run() throws {
        let limit = try memoryLimit.resolve()
        let (directory, store) = try stateDirectory.open()
        let result = try ForegroundTraining.run(configPath: config, stateDirectory: directory, store: store, memoryLimit: limit)
        if result.outcome == .completed { return }
        // Interrupted by a signal: the shell convention 128 + signal number.
        if case .paused = result.outcome, let signal = result.signal { throw ExitCode(128 + signal) }
        throw ExitCode.failure
    }
}
