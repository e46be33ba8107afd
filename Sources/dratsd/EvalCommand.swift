import ArgumentParser
import Daemon
import Foundation
import RunExecution

/// `dratsd eval RUN`: the deterministic evaluation of one of a run's checkpoints.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a run's checkpoint: deterministic policy on the suite's fixed layouts, per-task success and return.",
        discussion: "Reads the run's config and checkpoint and writes nothing; works while the run trains."
    )

    @Argument(help: ArgumentHelp("Run id or a unique prefix of one.", valueName: "run"))
    var runID: String

    @Option(help: "latest (the newest readable checkpoint), best (best mean evaluation success during training), or a checkpoint file path.")
    var checkpoint: String = "latest"

    @Option(help: "Evaluation episodes per task (default: the run config's evaluation.episodesPerTask); episode k plays fixed layout k mod 50.")
    var episodes: Int?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @OptionGroup var stateDirectory: StateDirectoryOption

    func validate() throws {
        if let episodes, episodes < 1 { throw ValidationError("--episodes is \(episodes); give at least 1") }
        if checkpoint.isEmpty { throw ValidationError("--checkpoint is empty; give latest, best or a file path") }
    }

    func run() throws {
        let (directory, store) = try stateDirectory.open()
        let record = try store.lookup(runID)
        let report = try RunEvaluation.evaluate(record, stateDirectory: directory, checkpoint: CheckpointChoice(argument: checkpoint),
                                                episodesPerTask: episodes)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table)
        }
    }
}
