import Foundation
import Samplers
import Testing

@Suite struct SamplerConfigTests {
    @Test func defaultsAreThePaperSettings() {
        let config = SamplerConfig()
        #expect(config.kind == .drats)
        #expect(config.inverseTemperature == 8 && config.stepSize == 0.5)
        #expect(config.mirrorAscentWeight == 1.0 / 16)
        #expect(config.resolvedFloor(taskCount: 10) == 0.025)
        #expect(config.maxReturn == 5000 && config.successWindowEpisodes == 50)
        #expect(config.updateEveryEnvSteps == 100_000)
        #expect(config.targetSwitchSuccessRate == 0.5 && config.masteredSuccessRate == 0.9)
        #expect(config.hardFirstActiveTasks == 3 && config.hardFirstLowReturn == 2000 && config.hardFirstHighReturn == 3000)
        #expect(config.hardFirstBudgetFraction == 0.8 && config.hardFirstStageOneFraction == 0.85)
        #expect(config.totalStepBudget == 100_000_000)
        #expect(config.validate(taskCount: 10).isEmpty)
    }

    @Test func missingKeysDecodeToDefaultsAndRoundTrip() throws {
        let json = #"{"kind": "hard-first", "inverseTemperature": 3, "floor": 0.005}"#
        let config = try JSONDecoder().decode(SamplerConfig.self, from: Data(json.utf8))
        var expected = SamplerConfig()
        expected.updateEveryEnvSteps = 1
        expected.kind = .hardFirst
        expected.inverseTemperature = 3
        expected.floor = 0.005
        #expect(config == expected)
        #expect(try JSONDecoder().decode(SamplerConfig.self, from: JSONEncoder().encode(config)) == config)
        var window = SamplerConfig()
        window.updateEveryEnvSteps = 1   // an encoding without the key means every rollout
        #expect(try JSONDecoder().decode(SamplerConfig.self, from: Data("{}".utf8)) == window)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SamplerConfig.self, from: Data(#"{"kind": "easy-first"}"#.utf8))
        }
    }

    @Test func validateReportsEveryProblemWithKeyAndRange() {
        var config = SamplerConfig()
        config.inverseTemperature = .nan
        config.stepSize = -1
        config.floor = 1.5
        config.maxReturn = 0
        config.successWindowEpisodes = 0
        config.updateEveryEnvSteps = 0
        config.targetSwitchSuccessRate = 1.2
        config.masteredSuccessRate = -0.1
        config.scoreNormalisationOffset = 0
        config.hardFirstActiveTasks = 11
        config.hardFirstLowReturn = 3000
        config.hardFirstHighReturn = 2000
        config.hardFirstBudgetFraction = 0
        config.hardFirstStageOneFraction = 2
        config.totalStepBudget = 0
        let problems = config.validate(taskCount: 10)
        #expect(problems.map(\.key) == [
            "inverseTemperature", "stepSize", "floor", "maxReturn", "updateEveryEnvSteps", "successWindowEpisodes",
            "targetSwitchSuccessRate", "masteredSuccessRate", "scoreNormalisationOffset", "hardFirstActiveTasks",
            "hardFirstHighReturn", "hardFirstBudgetFraction", "hardFirstStageOneFraction", "totalStepBudget",
        ])
        let active = problems.first { $0.key == "hardFirstActiveTasks" }
        #expect(active?.description == "sampler key 'hardFirstActiveTasks' is 11; allowed: an integer in 1...10 (the task count)")
        #expect(SamplerConfig().validate(taskCount: 0).map(\.key) == ["hardFirstActiveTasks", "taskCount"])
    }

    /// A window of 1 (every rollout, the behaviour before the key existed) encodes exactly the
    /// keys it did then, so such a config keeps its learning-config hash and old checkpoints.
    @Test func aWindowOfOneEncodesAsBeforeTheKeyExisted() throws {
        var config = SamplerConfig()
        config.updateEveryEnvSteps = 1
        let keys = { (config: SamplerConfig) in
            Set(try (JSONSerialization.jsonObject(with: JSONEncoder().encode(config)) as? [String: Any] ?? [:]).keys)
        }
        let before: Set<String> = [
            "kind", "inverseTemperature", "stepSize", "maxReturn", "successWindowEpisodes", "targetSwitchSuccessRate",
            "masteredSuccessRate", "scoreNormalisationOffset", "hardFirstActiveTasks", "hardFirstLowReturn",
            "hardFirstHighReturn", "hardFirstBudgetFraction", "hardFirstStageOneFraction", "totalStepBudget",
        ]
        #expect(try keys(config) == before)
        #expect(try JSONDecoder().decode(SamplerConfig.self, from: JSONEncoder().encode(config)) == config)
        #expect(try keys(SamplerConfig()) == before.union(["updateEveryEnvSteps"]))
    }

    @Test func stepSizeUpToEtaIsValid() {
        var config = SamplerConfig()
        config.stepSize = 8
        #expect(config.validate().isEmpty)
        config.stepSize = 8.0000001
        #expect(config.validate().map(\.key) == ["stepSize"])
    }
}
