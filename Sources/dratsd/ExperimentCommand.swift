import ArgumentParser
import GridWorldTraining
import Foundation
import Samplers

/// `dratsd experiment`: the quick experiments that check the samplers on toy problems.
struct ExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiment",
        abstract: "Run a sampler comparison experiment.",
        subcommands: [GridWorldExperimentCommand.self]
    )
}

/// `dratsd experiment gridworld`: steps until every grid-world task is solved, per sampler.
struct GridWorldExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridworld",
        abstract: "Environment steps until the deterministic policy reaches 90% success on every grid-world task (the DRATS paper's toy experiment), per sampler, over seeds."
    )

    @Option(help: "Comma-separated samplers, from: \(SamplerKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var samplers: String = "uniform,drats"

    @Option(help: "Seeds per sampler (seeds 1...N).")
    var seeds: Int = 10

    @Option(help: "Environment steps after which a run stops if it has not reached the threshold.")
    var stepCap: Int = GridWorldExperimentConfig().stepCap

    @Option(help: "DRATS and mirror-ascent baselines: inverse temperature eta.")
    var eta: Double = GridWorldExperimentConfig().inverseTemperature

    @Option(help: "DRATS and mirror-ascent baselines: step size s (0 <= s <= eta).")
    var stepSize: Double = GridWorldExperimentConfig().stepSize

    @Option(help: "PPO Adam learning rate.")
    var learningRate: Double = GridWorldExperimentConfig().learningRate

    @Option(help: "PPO entropy coefficient.")
    var entCoef: Double = GridWorldExperimentConfig().entCoef

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    func parsedSamplers() throws -> [SamplerKind] {
        let valid = SamplerKind.allCases.map(\.rawValue).joined(separator: ", ")
        let names = samplers.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try names.map { name in
            guard let kind = SamplerKind(rawValue: name) else {
                throw ValidationError("unknown sampler '\(name)' in --samplers; valid samplers are: \(valid)")
            }
            return kind
        }
    }

    func experimentConfig() throws -> GridWorldExperimentConfig {
        var config = GridWorldExperimentConfig()
        config.samplers = try parsedSamplers()
        config.seedCount = seeds
        config.stepCap = stepCap
        config.inverseTemperature = eta
        config.stepSize = stepSize
        config.learningRate = learningRate
        config.entCoef = entCoef
        return config
    }

    func validate() throws {
        let problems = try experimentConfig().problems()
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    func run() throws {
        let config = try experimentConfig()
        let report = try GridWorldExperiment.run(config: config) { result in
            let steps = result.stepsToThreshold.map(String.init) ?? "not reached (\(result.stepsTrained))"
            FileHandle.standardError.write(Data("\(result.sampler.rawValue) seed \(result.seed): \(steps)\n".utf8))
        }
        print(json ? try report.json() : report.table)
    }
}
