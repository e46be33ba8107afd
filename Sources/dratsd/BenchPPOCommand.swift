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

    @Option(help: "Comma-separated learners to time on the same rollout, each <advantageNormalization>/<optimizers>, e.g. perTask/separate,global/joint (default: the config defaults).")
    var learners = PPOBenchmark.Learner().name

    @Option(help: "Epochs timed per learner and thread setting, interleaved; the fastest is reported.")
    var repeats = 1

    func validate() throws {
        guard minibatches >= 1 else { throw ValidationError("--minibatches must be at least 1, got \(minibatches)") }
        guard transitions >= 10 * minibatches else {
            throw ValidationError("--transitions must be at least 10 x --minibatches (\(10 * minibatches)), got \(transitions)")
        }
        guard inferenceCalls >= 1 else { throw ValidationError("--inference-calls must be at least 1, got \(inferenceCalls)") }
        guard repeats >= 1 else { throw ValidationError("--repeats must be at least 1, got \(repeats)") }
        guard parsedLearners != nil else {
            throw ValidationError("--learners must be a comma-separated list of <perTask|global>/<separate|joint>, got '\(learners)'")
        }
        guard threadCounts != nil else {
            throw ValidationError("--threads must be a comma-separated list of positive integers, got '\(threads)'")
        }
    }

    private var threadCounts: [Int]? { BenchList.positiveIntegers(threads) }

    private var parsedLearners: [PPOBenchmark.Learner]? {
        let parsed = learners.split(separator: ",").map { PPOBenchmark.Learner(name: String($0)) }
        return parsed.isEmpty || parsed.contains(nil) ? nil : parsed.compactMap { $0 }
    }

    func run() throws {
        var options = PPOBenchmark.Options()
        options.transitions = transitions
        options.numMinibatches = minibatches
        options.threadCounts = threadCounts ?? [1]
        options.inferenceCalls = inferenceCalls
        options.learners = parsedLearners ?? [PPOBenchmark.Learner()]
        options.repeats = repeats
        let report = try PPOBenchmark.run(options)
        try BenchOutput.print(report, json: json, jsonFile: jsonFile, table: report.table)
    }
}
