import ArgumentParser
import Foundation
import PPO

/// `dratsd bench ppo`: PPO epoch throughput and rollout inference latency.
struct BenchPPOCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ppo",
        abstract: "Time one PPO epoch (paper and small networks, 1 and 2 threads) and rollout inference."
    )

    @Flag(help: "Print the results as JSON instead of a table.")
    var json = false

    @Option(name: .customLong("json-file"),
            help: "Print the table and also write the results as JSON to this file (replaced atomically).")
    var jsonFile: String?

    @Option(help: "Transitions in the benchmark rollout (the paper's update uses 100000).")
    var transitions = 100_000

    @Option(help: "Minibatches per epoch (paper: 32).")
    var minibatches = 32

    @Option(help: "Comma-separated OpenBLAS thread counts to compare.")
    var threads = "1,2"

    @Option(help: "Timed calls per rollout inference measurement.")
    var inferenceCalls = 2_000

    func validate() throws {
        guard minibatches >= 1 else { throw ValidationError("--minibatches must be at least 1, got \(minibatches)") }
        guard transitions >= 10 * minibatches else {
            throw ValidationError("--transitions must be at least 10 x --minibatches (\(10 * minibatches)), got \(transitions)")
        }
        guard inferenceCalls >= 1 else { throw ValidationError("--inference-calls must be at least 1, got \(inferenceCalls)") }
        guard threadCounts != nil else {
            throw ValidationError("--threads must be a comma-separated list of positive integers, got '\(threads)'")
        }
    }

    private var threadCounts: [Int]? { BenchList.positiveIntegers(threads) }

    func run() throws {
        var options = PPOBenchmark.Options()
        options.transitions = transitions
        options.numMinibatches = minibatches
        options.threadCounts = threadCounts ?? [1]
        options.inferenceCalls = inferenceCalls
        let report = try PPOBenchmark.run(options)
        try BenchOutput.print(report, json: json, jsonFile: jsonFile, table: report.table)
    }
}
