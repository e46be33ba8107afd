import ArgumentParser
import Foundation
import Manipulation

/// `dratsd bench faults`: how often held random actions end an episode in a caught physics fault.
struct BenchFaultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faults",
        abstract: "Count episodes ending in a caught physics fault under held random actions, per task."
    )

    @OptionGroup var task: BenchTaskOption

    @Option(help: "Episodes (500 steps each) per task.")
    var episodes: Int = 100

    @Option(help: "Seed for layouts and actions.")
    var seed: UInt64 = 0

    @Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        guard episodes > 0 else { throw ValidationError("--episodes must be positive, got \(episodes)") }
    }

    func run() throws {
        var results: [FaultStress.Result] = []
        for name in task.names {
            let result = try FaultStress.run(task: name, episodes: episodes, seed: seed)
            results.append(result)
            if json { try BenchOutput.printLine(result) }
        }
        if !json { print(FaultStress.table(results)) }
    }
}
