import Foundation
import Testing
import Networks
import PPO

@Suite struct PPOConfigTests {
    @Test func defaultsAreThePaperSettings() {
        let config = PPOConfig()
        #expect(config.numEnvs == 10 && config.numSteps == 10_000 && config.batchSize == 100_000)
        #expect(config.updateEpochs == 16 && config.numMinibatches == 32 && config.minibatchSize == 3125)
        #expect(config.learningRate == 5e-4 && config.adamEpsilon == 1e-5 && config.maxGradNorm == 1)
        #expect(config.gamma == 0.99 && config.gaeLambda == 0.97 && config.clipCoef == 0.2)
        #expect(config.normAdv && config.entCoef == 0.01)
        #expect(config.targetKL == 0.05 && config.klStopFactor == 1.5)
        #expect(config.hiddenSizes == [400, 400, 400] && config.logStdMode == .stateDependent)
        #expect(config.problems().isEmpty)
    }

    @Test func validationReportsEveryProblem() {
        var config = PPOConfig()
        config.gamma = 1.5
        config.numMinibatches = 0
        config.learningRate = .nan
        config.hiddenSizes = [400, 0]
        #expect(config.problems().count == 4)
        do {
            try config.validate()
            Issue.record("validate() accepted a broken config")
        } catch {
            #expect(error.description.contains("gamma is 1.5"))
            #expect(error.description.contains("hiddenSizes"))
        }
    }

    @Test func decodesPartialConfigKeepingDefaults() throws {
        let json = #"{"numSteps": 500, "entCoef": 0.03, "logStdMode": "stateIndependent", "targetKL": null}"#
        let config = try JSONDecoder().decode(PPOConfig.self, from: Data(json.utf8))
        #expect(config.numSteps == 500 && config.entCoef == 0.03 && config.logStdMode == .stateIndependent)
        #expect(config.targetKL == nil)
        #expect(config.gamma == 0.99 && config.updateEpochs == 16)
        let roundTrip = try JSONDecoder().decode(PPOConfig.self, from: JSONEncoder().encode(config))
        #expect(roundTrip == config)
    }

    @Test func configHashIsStableAndSensitive() {
        var config = PPOConfig()
        let hash = config.configHash
        #expect(hash == PPOConfig().configHash)
        config.clipCoef = 0.3
        #expect(config.configHash != hash)
    }

    @Test func activationDefaultsToReLUAndReachesBothTrunks() throws {
        #expect(PPOConfig().activation == .relu)
        let json = #"{"activation": "tanh", "hiddenSizes": [4]}"#
        var config = try JSONDecoder().decode(PPOConfig.self, from: Data(json.utf8))
        #expect(config.activation == .tanh)
        #expect(try JSONDecoder().decode(PPOConfig.self, from: JSONEncoder().encode(config)) == config)
        config.numEnvs = 1
        config.numSteps = 4
        config.numMinibatches = 1
        let agent = try PPOAgent(config: config, observationSize: 3, actionSize: 1, taskCount: 1)
        #expect(agent.policy.trunk.activation == .tanh && agent.critic.trunk.activation == .tanh)
        #expect(config.configHash != PPOConfig().configHash)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PPOConfig.self, from: Data(#"{"activation": "gelu"}"#.utf8)) }
    }

    @Test func rewardScaleDefaultsToOneKeepsOldHashesAndIsValidated() throws {
        #expect(PPOConfig().rewardScale == 1)
        let unscaled = String(decoding: try JSONEncoder().encode(PPOConfig()), as: UTF8.self)
        #expect(!unscaled.contains("rewardScale"), "a scale of 1 is not written, so hashes from before the field stay")
        var config = PPOConfig()
        config.rewardScale = 0.01
        #expect(config.configHash != PPOConfig().configHash)
        #expect(try JSONDecoder().decode(PPOConfig.self, from: JSONEncoder().encode(config)) == config)
        for bad in [0.0, -1, .nan, .infinity] {
            config.rewardScale = bad
            #expect(config.problems().count == 1 && config.problems()[0].contains("rewardScale"))
        }
    }

    /// The authors' learner is the default; a config written before the two keys existed (no
    /// key in its JSON) is the old learner's and keeps its hash, so its checkpoints still resume.
    @Test func learnerModesDefaultToTheAuthorsAndOldConfigsKeepTheirMeaningAndHash() throws {
        #expect(PPOConfig().advantageNormalization == .perTask && PPOConfig().optimizers == .separate)
        var legacy = PPOConfig()
        legacy.advantageNormalization = .global
        legacy.optimizers = .joint
        let keys = Set((try JSONSerialization.jsonObject(with: JSONEncoder().encode(legacy)) as? [String: Any] ?? [:]).keys)
        #expect(keys == ["numEnvs", "numSteps", "updateEpochs", "numMinibatches", "learningRate", "adamEpsilon", "maxGradNorm",
                         "gamma", "gaeLambda", "clipCoef", "normAdv", "entCoef", "vfCoef", "targetKL", "klStopFactor",
                         "hiddenSizes", "logStdMode", "activation", "seed"],
                "the old learner encodes exactly the keys it had, so its hash is unchanged")
        #expect(try JSONDecoder().decode(PPOConfig.self, from: Data("{}".utf8)) == legacy)
        for config in [PPOConfig(), legacy, { var c = legacy; c.optimizers = .separate; return c }()] {
            #expect(try JSONDecoder().decode(PPOConfig.self, from: JSONEncoder().encode(config)) == config)
        }
        #expect(PPOConfig().configHash != legacy.configHash)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PPOConfig.self, from: Data(#"{"optimizers": "both"}"#.utf8)) }
    }

    @Test func agentRejectsInvalidConfig() {
        var config = PPOConfig()
        config.clipCoef = 0
        #expect(throws: PPOError.self) { try PPOAgent(config: config, observationSize: 3, actionSize: 1, taskCount: 1) }
    }
}
