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
        let (directory, store) = try stateDirectory.open()
        let record = try store.lookup(runID)
        let found = try LogFollower.run(record.id, stateDirectory: directory, store: store, follow: follow) { line in
            print(line)
            fflush(nil)
        }
        if !found {
            let state = try store.run(id: record.id).state
            let hint = state == .queued ? "; it is queued and gets one when it starts" : " (it is \(state) and never started)"
            FileHandle.standardError.write(Data("run \(record.id) has no train.log yet\(hint).\n".utf8))
        }
    }
}
