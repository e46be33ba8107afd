import ArgumentParser
import Daemon
import Operations

/// `dratsd cancel RUN`: cancel a queued or paused run, or ask the service to stop a running one.
struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a run.")

    @Argument(help: ArgumentHelp("Run id or a unique prefix of one.", valueName: "run"))
    var runID: String

    @OptionGroup var stateDirectory: StateDirectoryOption

    func run() throws {
        let catalog = try stateDirectory.openCatalog()
        let found = try catalog.lookup(runID)
        guard case let .stored(record) = found, let store = catalog.store else {
            if case let .slurm(run) = found { print(try SlurmRuns.cancel(run, in: catalog.stateDirectory)) }
            return
        }
        switch try store.cancel(record.id) {
        case .cancelled:
            print("cancelled \(record.id)")
        case .requested:
            print("cancel requested for \(record.id): it is running; its service checkpoints and stops it after the current iteration")
        }
    }
}
