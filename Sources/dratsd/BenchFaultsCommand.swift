import ArgumentParser
import Foundation
import Manipulation

/// `dratsd bench faults`: how often held random actions end an episode in a caught physics fault.
struct BenchFaultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faults",
        abstract: "Count episodes ending in a caught physics fault under held random actions, per task."
    )

    @Option(help: "Task to stress (default: every task).")
    var task: String?

    @Option(help: "Episodes (500 steps each) per task.")
    var episodes: Int = 100

    @Option(help: "Seed for layouts and actions.")
    var seed: UInt64 = 0

    @Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        if let task, !TaskCatalog.names.contains(task) {
            throw ValidationError("unknown task '\(task)'; valid tasks: \(TaskCatalog.names.joined(separator: ", "))")
        }
        guard episodes > 0 else { throw ValidationError("--episodes must be positive, got \(episodes)") }
    }

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var results: [FaultStress.Result] = []
        for name in task.map({ [$0] }) ?? TaskCatalog.names {
            let result = try FaultStress.run(task: name, episodes: episodes, seed: seed)
            results.append(result)
            if json {
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
                fflush(nil)
            }
        }
        if !json { print(FaultStress.table(results)) }
    }
}
