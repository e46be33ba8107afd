import ArgumentParser
import Daemon
import Foundation
import Operations
import RunExecution

/// `dratsd import FOLDER...`: queue run folders from another state directory under their own ids.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Take run folders from another state directory (another machine, an archive) and queue them to resume.",
        discussion: """
        Each folder's name is its run id, which it keeps here; its config.yaml must be the resolved config dratsd \
        wrote, and this build must be able to train it within --memory-limit. config.yaml, metrics.jsonl, train.log, \
        the checkpoints and the TensorBoard files are copied (the folder itself is not changed), and the run is queued: \
        a service resumes it from its newest checkpoint. Prints each run id.
        """
    )

    @Argument(help: ArgumentHelp("Run folders, e.g. results/in-progress/r-20261202-k3x9qa.", valueName: "folder"))
    var folders: [String]

    @OptionGroup var memoryLimit: MemoryLimitOption
    @OptionGroup var stateDirectory: StateDirectoryOption

    func validate() throws {
        if folders.isEmpty { throw ValidationError("name at least one run folder") }
    }

    func run() throws {
        let limit = try memoryLimit.resolve()
        let (directory, store) = try stateDirectory.open()
        for folder in folders {
            let (record, config) = try RunImporter.importRun(folder: folder, store: store, stateDirectory: directory,
                                                             trainability: RunTrainability.problems, memoryLimit: limit)
            print("queued " + RunSubmitter.summary(config) + ", resuming at \(record.envSteps) env steps")
            print(record.id)
        }
    }
}
