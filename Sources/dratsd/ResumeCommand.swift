import ArgumentParser
import Daemon
import Operations

/// `dratsd resume RUN`: queue a failed, paused or cancelled run again.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Queue a failed, paused or cancelled run again; it continues from its last checkpoint."
    )

    @Argument(help: ArgumentHelp("Run id or a unique prefix of one.", valueName: "run"))
    var runID: String

    @OptionGroup var stateDirectory: StateDirectoryOption

    func run() throws {
        let catalog = try stateDirectory.openCatalog()
        guard case let .stored(found) = try catalog.lookup(runID), let store = catalog.store else {
            throw ValidationError("\(runID) is a run of a Slurm sweep, which `resume` cannot requeue yet (it works on the registry's runs); "
                + "a Slurm run stopped for a requeue resumes when Slurm starts its task again, and its folder keeps its checkpoints")
        }
        let record = try store.resume(found.id)
        print("queued \(record.id) again (\(record.envSteps) of \(record.totalEnvSteps) env steps done)")
    }
}
