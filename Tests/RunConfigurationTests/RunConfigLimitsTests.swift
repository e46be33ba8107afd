import PPO
import Samplers
import Testing
@testable import RunConfiguration

/// Every count has an upper bound (`RunConfig.Limits`), and nothing derived from counts can
/// overflow, whatever the file says (a huge `run.totalEnvSteps` or `envSlots` used to crash
/// validation with an arithmetic overflow).
@Suite struct RunConfigLimitsTests {
    /// The problems of `yaml`; an empty list when it loads.
    func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try RunConfig.load(yaml: yaml, file: "limits.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    /// Values at Int's ends, and products of in-range-looking values that overflow: each is
    /// refused with its key, the value and the allowed range. Before the bounds, the first three
    /// trapped (SIGILL) in `iterationCount` and `envStepsPerIteration` during validation.
    @Test(arguments: [
        ("run: {totalEnvSteps: 9223372036854775807}", "run.totalEnvSteps", "9223372036854775807", "1...1000000000000"),
        ("env: {envSlots: 9223372036854775807}", "env.envSlots", "9223372036854775807", "1...4096"),
        ("env: {envSlots: -9223372036854775808}", "env.envSlots", "-9223372036854775808", "1...4096"),
        ("ppo: {numSteps: 4611686018427387904}", "ppo.numSteps", "4611686018427387904", "between 1 and 10000000"),
        ("ppo: {numSteps: -9223372036854775808}", "ppo.numSteps", "-9223372036854775808", "between 1 and 10000000"),
        ("ppo: {updateEpochs: 9223372036854775807}", "ppo.updateEpochs", "9223372036854775807", "between 1 and 10000"),
        ("ppo: {hiddenSizes: [1099511627776]}", "ppo.hiddenSizes", "[1099511627776]", "between 1 and 65536"),
        ("evaluation: {everyEnvSteps: 9223372036854775807}", "evaluation.everyEnvSteps", "9223372036854775807", "1...1000000000000"),
        ("evaluation: {episodesPerTask: 9223372036854775807}", "evaluation.episodesPerTask", "9223372036854775807", "1...100000"),
        ("checkpoint: {everyIterations: 9223372036854775807}", "checkpoint.everyIterations", "9223372036854775807", "1...1000000000000"),
        ("checkpoint: {keepLast: 9223372036854775807}", "checkpoint.keepLast", "9223372036854775807", "1...10000"),
        ("sampler: {updateEveryEnvSteps: 9223372036854775807}", "sampler.updateEveryEnvSteps", "9223372036854775807", "1...1000000000000"),
        ("sampler: {successWindowEpisodes: 9223372036854775807}", "sampler.successWindowEpisodes", "9223372036854775807", "1...100000"),
        ("env: {workerThreads: -9223372036854775808}", "env.workerThreads", "-9223372036854775808", "0...256"),
    ])
    func extremeCountsAreRefusedWithTheirRange(yaml: String, keyPath: String, value: String, allowed: String) {
        let found = problems(yaml)
        #expect(found.map(\.keyPath) == [keyPath], "\(found)")
        #expect(found.first?.message.contains(value) == true, "\(found)")
        #expect(found.first?.message.contains(allowed) == true, "\(found)")
    }

    /// Both factors at their bounds: the product is computed (4096 x 10^7) and compared with the
    /// budget, without overflow and without a second report of either factor.
    @Test func countsAtTheirBoundsAreAccepted() throws {
        let config = try RunConfig.load(yaml: """
            run: {totalEnvSteps: 1_000_000_000_000}
            env: {envSlots: 4096, workerThreads: 256}
            ppo: {numSteps: 10_000_000, updateEpochs: 10_000, hiddenSizes: [65536]}
            sampler: {updateEveryEnvSteps: 1_000_000_000_000, successWindowEpisodes: 100_000}
            evaluation: {everyEnvSteps: 1_000_000_000_000, episodesPerTask: 100_000}
            checkpoint: {everyIterations: 1_000_000_000_000, keepLast: 10_000}
            """)
        #expect(config.envStepsPerIteration == 40_960_000_000)
        #expect(config.iterationCount == 25)
        #expect(config.ppo.batchSize == 40_960_000_000)
    }

    @Test func aLayerTooManyIsRefused() {
        let widths = Array(repeating: "1", count: PPOConfig.Limits.hiddenLayers + 1).joined(separator: ", ")
        let found = problems("ppo: {hiddenSizes: [\(widths)]}")
        #expect(found.map(\.keyPath) == ["ppo.hiddenSizes"])
        #expect(found.first?.message == "has 65 layers; it may have at most 64")
    }

    /// A config built in code skips validation; its derived quantities still never trap.
    @Test func derivedQuantitiesSaturateInsteadOfTrapping() {
        var config = RunConfig()
        config.env.envSlots = .max
        config.ppo.numSteps = .max
        config.run.totalEnvSteps = .max
        #expect(config.envStepsPerIteration == .max)
        #expect(config.iterationCount == 1)
        config.env.envSlots = 1
        config.ppo.numSteps = 1
        #expect(config.iterationCount == .max)
        config.env.envSlots = .min
        #expect(config.envStepsPerIteration == .min)
        config.ppo.numSteps = -1
        #expect(config.envStepsPerIteration == .max)
        #expect(!config.rangeProblems().isEmpty)

        var ppo = PPOConfig()
        ppo.numEnvs = .max
        ppo.numSteps = 2
        #expect(ppo.batchSize == .max)
        #expect(ppo.problems().contains { $0.hasPrefix("numEnvs is \(Int.max)") })
    }
}
