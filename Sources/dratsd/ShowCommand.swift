import ArgumentParser
import Daemon
import Operations

/// `dratsd show RUN`: one run's state, progress and latest per-task figures.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a run: state, steps, steps/s, failure reason, and per-task success, return and sampling probability."
    )

    @Argument(help: ArgumentHelp("Run id or a unique prefix of one (see `dratsd list`).", valueName: "run"))
    var runID: String

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var stateDirectory: StateDirectoryOption

    func run() throws {
        let (directory, store) = try stateDirectory.open()
        let details = try RunDetails.gather(try store.lookup(runID), stateDirectory: directory)
        print(json ? try RunFormatting.json(details) : RunFormatting.text(details))
    }
}
