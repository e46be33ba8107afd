import ArgumentParser
import Foundation
import Manipulation

/// `dratsd bench env`: env steps per second per task, on one thread and on K threads.
struct BenchEnvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Env steps per second with random actions, single-threaded and with K threads each stepping its own env."
    )

    @Option(help: "Task to measure (default: every task).")
    var task: String?

    @Option(help: "Env steps per thread.")
    var steps: Int = 20_000

    @Option(help: "Thread count for the multi-threaded measurement (1 measures only single-threaded).")
    var threads: Int = 2

    @Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        if let task, !TaskCatalog.names.contains(task) {
            throw ValidationError("unknown task '\(task)'; valid tasks: \(TaskCatalog.names.joined(separator: ", "))")
        }
        guard steps > 0 else { throw ValidationError("--steps must be positive, got \(steps)") }
        guard threads >= 1 && threads <= 64 else { throw ValidationError("--threads must be in 1...64, got \(threads)") }
    }

    func run() throws {
        let tasks = task.map { [$0] } ?? TaskCatalog.names
        var results: [EnvBenchmark.Result] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for name in tasks {
            for count in Set([1, threads]).sorted() {
                let result = try EnvBenchmark.run(task: name, stepsPerThread: steps, threads: count)
                results.append(result)
                if json {
                    print(String(decoding: try encoder.encode(result), as: UTF8.self))
                    fflush(nil)
                }
            }
        }
        if !json { print(EnvBenchmark.table(results)) }
    }
}
