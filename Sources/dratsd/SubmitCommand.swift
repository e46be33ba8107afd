import ArgumentParser
import Manipulation
import Operations
import RunConfiguration

/// `dratsd submit CONFIG`: validate a run config, resolve it and queue the run.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Validate a run config and queue the run; prints the run id as the last line.",
        discussion: "Writes only the run registry in the state directory; queued runs start in submission order."
    )

    @Argument(help: "Run config (YAML), e.g. configs/quickstart-mt10.yaml.")
    var config: String

    @OptionGroup var stateDirectory: StateDirectoryOption

    func run() throws {
        let (_, store) = try stateDirectory.open()
        let available: [EnvSuite: [String]] = [.mt10: TaskCatalog.names, .gridworld: EnvSuite.gridworld.taskNames]
        let (record, resolved) = try RunSubmitter.submit(configPath: config, store: store, availableTasks: available)
        print("queued " + RunSubmitter.summary(resolved))
        print(record.id)
    }
}
