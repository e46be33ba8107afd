import ArgumentParser
import Foundation
import PolicyServing

/// `dratsd bench policy`: how fast `dratsd policy` answers on a given checkpoint.
struct BenchPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Time a checkpoint's policy inference and whole `dratsd policy` request lines."
    )

    @Argument(help: "An agent or run checkpoint (.safetensors).")
    var checkpoint: String

    @Option(help: "Timed calls per measurement.")
    var calls = 20_000

    @Flag(help: "Print the results as JSON instead of a table.")
    var json = false

    func validate() throws {
        guard calls >= 1 else { throw ValidationError("--calls must be at least 1, got \(calls)") }
    }

    func run() throws {
        let report = try PolicyBenchmark.run(checkpoint: URL(fileURLWithPath: checkpoint), calls: calls)
        try BenchOutput.print(report, json: json, table: report.table)
    }
}
