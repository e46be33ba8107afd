import Foundation
import Testing
import PPO
import Samplers
import Trainer

@Suite struct TrainerConfigTests {
    @Test func missingKeysKeepDefaultsAndNullDisablesEvaluation() throws {
        let partial = try JSONDecoder().decode(TrainerConfig.self, from: Data(#"{"seed": 9, "sampler": {"kind": "hard-first"}, "evaluationIntervalSteps": null}"#.utf8))
        #expect(partial.seed == 9)
        #expect(partial.sampler.kind == .hardFirst && partial.sampler.inverseTemperature == 8)
        #expect(partial.ppo == PPOConfig())
        #expect(partial.evaluationIntervalSteps == nil)
        #expect(partial.evaluationEpisodesPerTask == 50 && partial.sharedHead == false && partial.environmentThreads == 1)
        let empty = try JSONDecoder().decode(TrainerConfig.self, from: Data("{}".utf8))
        #expect(empty == TrainerConfig())
        #expect(empty.evaluationIntervalSteps == 2_000_000)
    }

    @Test func roundTripsEveryField() throws {
        var config = TrainerConfig(seed: 77, evaluationEpisodesPerTask: 3, evaluationIntervalSteps: nil, sharedHead: true, environmentThreads: 2)
        config.ppo.numEnvs = 3
        config.sampler.stepSize = 0.25
        let decoded = try JSONDecoder().decode(TrainerConfig.self, from: JSONEncoder().encode(config))
        #expect(decoded == config)
    }

    @Test func derivedSeedsDifferByStreamAndSeed() {
        let a = TrainerConfig(seed: 1), b = TrainerConfig(seed: 2)
        let streams = (0..<10).map { a.derivedSeed(stream: UInt64($0)) }
        #expect(Set(streams).count == 10)
        #expect(a.slotSeed(0) == a.derivedSeed(stream: 2))
        #expect(a.derivedSeed(stream: 0) != b.derivedSeed(stream: 0))
    }
}
