import ArgumentParser
import Foundation
import Manipulation
import MetaWorldTraining

/// `dratsd bench train`: end-to-end multi-task PPO throughput on the simulated MetaWorld tasks.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Time whole training iterations (rollout + PPO update) on the MetaWorld tasks: steps/s and where the time goes."
    )

    @Flag(help: "Print the results as JSON instead of a table.")
    var json = false

    @Option(name: .customLong("json-file"),
            help: "Print the table and also write the results as JSON to this file (replaced atomically).")
    var jsonFile: String?

    @Option(help: "Comma-separated task names (default: every simulated task, MT10 order).")
    var tasks: String?

    @Option(help: "Environment slots (MT10: 10, one per task).")
    var numEnvs = 10

    @Option(help: "Steps per slot per iteration (the paper uses 10000).")
    var numSteps = 256

    @Option(help: "Timed iterations per case, after one untimed warm-up iteration.")
    var iterations = 2

    @Option(help: "PPO epochs per update (paper: 16).")
    var updateEpochs = 16

    @Option(help: "Minibatches per epoch (paper: 32).")
    var minibatches = 32

    @Option(help: "Comma-separated thread counts to compare (environment threads and OpenBLAS threads).")
    var threads = "1,2"

    @Option(help: "Deterministic evaluation episodes per task to time after the iterations (0: none; MetaWorld: 50).")
    var evaluationEpisodes = 0

    @Option(help: "Which networks: paper (3x400), small (2x64) or both.")
    var networks: NetworkChoice = .both

    /// The networks `bench train` can time.
    enum NetworkChoice: String, CaseIterable, ExpressibleByArgument {
        case paper, small, both
    }

    func validate() throws {
        guard numEnvs >= 1 else { throw ValidationError("--num-envs must be at least 1, got \(numEnvs)") }
        guard numSteps >= 1 else { throw ValidationError("--num-steps must be at least 1, got \(numSteps)") }
        guard iterations >= 1 else { throw ValidationError("--iterations must be at least 1, got \(iterations)") }
        guard updateEpochs >= 1 else { throw ValidationError("--update-epochs must be at least 1, got \(updateEpochs)") }
        guard minibatches >= 1, numEnvs * numSteps >= minibatches else {
            throw ValidationError("--minibatches must be between 1 and --num-envs x --num-steps (\(numEnvs * numSteps)), got \(minibatches)")
        }
        guard evaluationEpisodes >= 0 else { throw ValidationError("--evaluation-episodes must be 0 or more, got \(evaluationEpisodes)") }
        guard threadCounts != nil else {
            throw ValidationError("--threads must be a comma-separated list of positive integers, got '\(threads)'")
        }
        if let names = taskNames {
            let unknown = names.filter { !TaskCatalog.names.contains($0) }
            guard unknown.isEmpty, !names.isEmpty else {
                throw ValidationError("--tasks has unknown or no task names (\(unknown.joined(separator: ", "))); valid: \(TaskCatalog.names.joined(separator: ", "))")
            }
        }
    }

    private var taskNames: [String]? {
        tasks.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    private var threadCounts: [Int]? { BenchList.positiveIntegers(threads) }

    private var networkChoice: [(name: String, hiddenSizes: [Int])] {
        let paper = (name: "paper 3x400", hiddenSizes: [400, 400, 400]), small = (name: "small 2x64", hiddenSizes: [64, 64])
        switch networks {
        case .paper: return [paper]
        case .small: return [small]
        case .both: return [paper, small]
        }
    }

    func run() throws {
        var options = TrainingBenchmark.Options()
        if let taskNames { options.taskNames = taskNames }
        options.numEnvs = numEnvs
        options.numSteps = numSteps
        options.iterations = iterations
        options.updateEpochs = updateEpochs
        options.numMinibatches = minibatches
        options.threadCounts = threadCounts ?? [1]
        options.networks = networkChoice
        options.evaluationEpisodesPerTask = evaluationEpisodes
        let report = try TrainingBenchmark.run(options)
        try BenchOutput.print(report, json: json, jsonFile: jsonFile, table: report.table)
    }
}
