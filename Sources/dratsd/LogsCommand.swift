import ArgumentParser
import Daemon
import Foundation
import Operations

/// `dratsd logs RUN [-f]`: print a run's train.log, optionally following it.
struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Print a run's train.log (one line per iteration).",
        discussion: "With -f, keep printing new lines until the run stops or Ctrl-C."
    )

    @Argument(help: ArgumentHelp("Run id or a unique prefix of one.", valueName: "run"))
    var runID: String

    @Flag(name: [.customShort("f"), .long], help: "Follow the log until the run is no longer queued or running.")
    var follow = false

    @OptionGroup var stateDirectory: StateDirectoryOption

    func run() throws {
        let catalog = try stateDirectory.openCatalog()
        let lookup = try catalog.lookup(runID)
        let record = lookup.record
        let directory = catalog.stateDirectory
        let records: any RunLedger = switch lookup {
        case .slurm: FolderRunLedger(folder: try RunFolder(stateDirectory: directory, runID: record.id))
        case .stored: catalog.store!
        }
        let found = try LogFollower.run(record.id, stateDirectory: directory, records: records, follow: follow) { line in
            print(line)
            fflush(nil)
        }
        if !found {
            let state = try records.currentRecord(of: record.id).state
            let hint = state == .queued ? "; it is queued and gets one when it starts" : " (it is \(state) and never started)"
            FileHandle.standardError.write(Data("run \(record.id) has no train.log yet\(hint).\n".utf8))
        }
    }
}
