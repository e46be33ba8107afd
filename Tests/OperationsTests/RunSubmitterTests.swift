import Daemon
import Foundation
import PPO
import RunConfiguration
import Samplers
import Testing
@testable import Operations

@Suite struct RunSubmitterTests {
    static let limit = MemoryLimit(bytes: 1 << 40, source: .flag("1T"))

    /// A stand-in for the build's check: only `tasks` are trainable (the real one,
    /// `RunTrainability.problems`, is tested in RunExecutionTests).
    static func only(_ tasks: [String]) -> RunSubmitter.Trainability {
        { config in
            config.env.tasks.enumerated().compactMap { index, task in
                tasks.contains(task) ? nil : ConfigProblem(keyPath: "env.tasks[\(index)]", message: "'\(task)' is not trainable")
            }
        }
    }

    @Test func submitQueuesTheResolvedConfig() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("submitter-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("tiny.yaml").path
        try "run: {totalEnvSteps: 1000}\nenv: {tasks: [reach-v3]}\nppo: {numSteps: 100}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let store = try RunStore(databasePath: root.appendingPathComponent("runs.sqlite").path)
        let (record, config) = try RunSubmitter.submit(configPath: path, store: store, trainability: Self.only(["reach-v3"]), memoryLimit: RunSubmitterTests.limit)
        #expect(record.name == "tiny")
        #expect(record.totalEnvSteps == 1000)
        #expect(record.samplerName == "drats")
        #expect(try RunConfig.load(yaml: record.configText) == config)
        #expect(RunSubmitter.summary(config) == "tiny: mt10, 1 task, 1 slot, drats sampler, 1000 env steps in 10 iterations, "
                + "memory about \(ByteCount.text(config.memoryEstimate.totalBytes)), seed 1")
        #expect(throws: RunConfigError.self) {
            try RunSubmitter.submit(configPath: path, store: store, trainability: Self.only(["push-v3"]), memoryLimit: RunSubmitterTests.limit)
        }
        #expect(try store.list().count == 1)
    }
}

@Suite struct RunSubmitterSeedTests {
    @Test func prepareWithASeedRecordsItAndItsDerivedPPOSeed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("submitter-seed-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("seeded.yaml").path
        try "run: {seed: 1, totalEnvSteps: 1000}\nenv: {tasks: [reach-v3]}\nppo: {numSteps: 100}\n".write(toFile: path, atomically: true, encoding: .utf8)
        let available = RunSubmitterTests.only(["reach-v3"])
        let unchanged = try RunSubmitter.prepare(configPath: path, trainability: available, memoryLimit: RunSubmitterTests.limit)
        let seeded = try RunSubmitter.prepare(configPath: path, overrides: [try ConfigOverride(parsing: "run.seed=7")], trainability: available, memoryLimit: RunSubmitterTests.limit)
        #expect(unchanged.run.seed == 1)
        #expect(seeded.run.seed == 7)
        #expect(seeded.ppo.seed == 7)
        #expect(seeded.run.name == "seeded")
        var expected = unchanged
        expected.run.seed = 7
        expected.ppo.seed = 7
        #expect(seeded == expected)
        let store = try RunStore(databasePath: root.appendingPathComponent("runs.sqlite").path)
        let record = try RunSubmitter.submit(seeded, store: store)
        #expect(record.seed == 7)
        #expect(try RunConfig.load(yaml: record.configText).run.seed == 7)
        #expect(throws: RunConfigError.self) {
            try RunSubmitter.prepare(configPath: path, overrides: [try ConfigOverride(parsing: "run.seed=2")], trainability: RunSubmitterTests.only(["push-v3"]), memoryLimit: RunSubmitterTests.limit)
        }
    }
}

@Suite struct ComparisonConfigTests {
    /// `configs/compare-mt10/`: the five samplers, the same everything else, and the budget the comments state.
    @Test func theFiveConfigsDifferOnlyInSamplerAndName() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let kinds = ["uniform", "drats", "learning-progress", "learning-potential", "hard-first"]
        let configs = try kinds.map { try RunConfig.load(file: root.appendingPathComponent("configs/compare-mt10/\($0).yaml").path) }
        #expect(configs.map(\.sampler.kind.rawValue) == kinds)
        #expect(configs.map(\.run.name) == kinds.map { "compare-mt10-\($0)" })
        for config in configs {
            var normalised = config
            normalised.sampler.kind = configs[0].sampler.kind
            normalised.run.name = configs[0].run.name
            normalised.sampler.hardFirstHighReturnPerTask = nil  // only hard-first runs carry them
            #expect(normalised == configs[0])
            #expect(config.run.totalEnvSteps == 3_000_000)
            #expect(config.evaluationCount == 10)
            #expect(config.taskCount == 10)
        }
    }
}
