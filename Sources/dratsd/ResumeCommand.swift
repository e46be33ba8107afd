import ArgumentParser
import Daemon

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
        let (_, store) = try stateDirectory.open()
        let record = try store.resume(try store.lookup(runID).id)
        print("queued \(record.id) again (\(record.envSteps) of \(record.totalEnvSteps) env steps done)")
    }
}
