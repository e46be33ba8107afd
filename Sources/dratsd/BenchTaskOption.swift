import ArgumentParser
import Manipulation

/// `--task` of the per-task bench commands (`bench env`, `bench faults`): one task, or every task.
struct BenchTaskOption: ParsableArguments {
    @Option(help: "Task to run (default: every task).")
    var task: String?

    /// The tasks to run, in `TaskCatalog` order when no task is named.
    var names: [String] { task.map { [$0] } ?? TaskCatalog.names }

    func validate() throws {
        if let task, !TaskCatalog.names.contains(task) {
            throw ValidationError("unknown task '\(task)'; valid tasks: \(TaskCatalog.names.joined(separator: ", "))")
        }
    }
}
