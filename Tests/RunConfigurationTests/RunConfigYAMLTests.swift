import Foundation
import PPO
import Samplers
import Testing
@testable import RunConfiguration

/// The resolved YAML written to run folders: every default present, and it reads back equal.
@Suite struct RunConfigYAMLTests {
    @Test func resolvedYAMLRoundTrips() throws {
        for yaml in ["", "env: {suite: gridworld}\nsampler: {maxReturn: 1}\nppo: {hiddenSizes: [], targetKL: null}",
                     "run: {seed: 18446744073709551615, totalEnvSteps: 30000}\nppo: {learningRate: 3.0e-4, numSteps: 300, gamma: 1}"] {
            let config = try RunConfig.load(yaml: yaml)
            let resolved = try config.resolvedYAML()
            let reread = try RunConfig.load(yaml: resolved)
            #expect(reread == config, "\(resolved)")
        }
    }

    /// Floats keep every bit, also those Yams alone would write with 15 digits: three tasks'
    /// floor, 1/12, once came back as 0.0833333333333333.
    @Test func floatsKeepEveryDigit() throws {
        let config = try RunConfig.load(yaml: "env: {tasks: [reach-v3, push-v3, drawer-close-v3]}\nppo: {learningRate: 0.00033333333333333332}")
        #expect(config.sampler.floor == 1.0 / 12)
        let resolved = try config.resolvedYAML()
        #expect(resolved.contains("floor: 0.08333333333333333\n"), "\(resolved)")
        let reread = try RunConfig.load(yaml: resolved)
        #expect(reread.sampler.floor == 1.0 / 12 && reread.ppo.learningRate == 0.00033333333333333332)
        #expect(reread == config)
    }

    @Test func resolvedYAMLHoldsEveryKeyTheLoaderReads() throws {
        // A hard-first config: only its kind carries hardFirstHighReturnPerTask.
        let resolved = try RunConfig.load(yaml: "sampler: {kind: hard-first}").resolvedYAML()
        for key in PPOSection.keys + SamplerSection.keys + ["totalEnvSteps", "suiteSeed", "layoutMode", "envSlots",
                                                             "workerThreads", "everyEnvSteps", "episodesPerTask",
                                                             "everyIterations", "keepLast", "keepBest"] {
            #expect(resolved.contains("\(key):"), "missing \(key)")
        }
        #expect(resolved.contains("targetKL: 0.05"))
        #expect(!resolved.contains("numEnvs"))
        #expect(!resolved.contains("totalStepBudget"))
    }

    @Test func everyKeyWrittenIsOneTheLoaderAccepts() throws {
        // Reading the resolved text through the strict loader fails on any key it does not know.
        var config = RunConfig()
        config.ppo.targetKL = nil
        let text = try config.resolvedYAML()
        #expect(throws: Never.self) { try RunConfig.load(yaml: text) }
        #expect(text.contains("targetKL: null"))
    }
}

/// The YAML sections list PPOConfig's and SamplerConfig's fields by hand; these fail when a
/// field is added to either without teaching the config file about it.
@Suite struct SectionCoverageTests {
    func encodedKeys(_ value: some Encodable) throws -> Set<String> {
        let data = try JSONEncoder().encode(value)
        return Set((try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]).keys)
    }

    @Test func ppoSectionCoversPPOConfig() throws {
        var ppo = PPOConfig()
        ppo.targetKL = 0.1
        ppo.rewardScale = 0.5  // PPOConfig writes rewardScale only when it is not 1
        #expect(try encodedKeys(ppo) == Set(PPOSection.keys).union(PPOSection.derivedKeys.keys))
        #expect(try encodedKeys(PPOSection(ppo)) == Set(PPOSection.keys))
    }

    @Test func samplerSectionCoversSamplerConfig() throws {
        var sampler = SamplerConfig()
        sampler.floor = 0.1
        sampler.hardFirstHighReturnPerTask = [3000]  // written only when set
        #expect(try encodedKeys(sampler) == Set(SamplerSection.keys).union(SamplerSection.derivedKeys.keys))
        #expect(try encodedKeys(SamplerSection(sampler)) == Set(SamplerSection.keys))
    }
}
