import ArgumentParser
import Foundation
import Manipulation

/// `dratsd bench env`: env steps per second per task, on one thread and on K threads.
struct BenchEnvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "env",
        abstract: "Env steps per second with random actions, single-threaded and with K threads each stepping its own env."
    )

    @OptionGroup var task: BenchTaskOption

    @Option(help: "Env steps per thread.")
    var steps: Int = 20_000

    @Option(help: "Thread count for the multi-threaded measurement (1 measures only single-threaded).")
    var threads: Int = 2

    @Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    @Option(name: .customLong("json-file"),
            help: "Print the table and also write the results as JSON to this file (replaced atomically).")
    var jsonFile: String?

    func validate() throws {
        guard steps > 0 else { throw ValidationError("--steps must be positive, got \(steps)") }
        guard threads >= 1 && threads <= 64 else { throw ValidationError("--threads must be in 1...64, got \(threads)") }
    }

    func run() throws {
        var results: [EnvBenchmark.Result] = []
        for name in task.names {
            for count in Set([1, threads]).sorted() {
                let result = try EnvBenchmark.run(task: name, stepsPerThread: steps, threads: count)
                results.append(result)
                if json { try BenchOutput.printLine(result) }
            }
        }
        if let jsonFile {
            try BenchOutput.print(results, json: true, jsonFile: jsonFile, table: EnvBenchmark.table(results))
        } else if !json {
            print(EnvBenchmark.table(results))
        }
    }
}
