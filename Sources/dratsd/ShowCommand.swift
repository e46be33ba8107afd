import ArgumentParser
import Daemon
import Foundation
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
        let catalog = try stateDirectory.openCatalog()
        let found = try catalog.lookup(runID)
        let details = try RunDetails.gather(found.record, stateDirectory: catalog.stateDirectory)
        var text = json ? try RunFormatting.json(details) : RunFormatting.text(details)
        if !json, case let .slurm(run) = found {
            text += "\n\n" + run.note + "; sweep folder \(catalog.stateDirectory.sweepsURL.path)/\(run.manifest.sweep.id)"
        }
        print(text)
    }
}
