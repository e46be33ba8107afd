import Networks
import Testing
import PPO
import Samplers
@testable import Trainer

/// How episode ends reach GAE and evaluation, on a scripted one-task slot whose observation is
/// constant, so the critic's value of the final observation is known exactly.
@Suite struct TrainerEpisodeEndTests {
    static func trainer(slot: ScriptedSlot, evaluationEpisodes: Int = 3, rewardScale: Double = 1) throws -> Trainer<ScriptedSlot> {
        var ppo = PPOConfig()
        ppo.rewardScale = rewardScale
        ppo.numEnvs = 1
        ppo.numSteps = 12
        ppo.numMinibatches = 1
        ppo.updateEpochs = 1
        ppo.hiddenSizes = [4]
        var sampler = SamplerConfig()
        sampler.kind = .uniform
        sampler.hardFirstActiveTasks = 1
        let config = TrainerConfig(ppo: ppo, sampler: sampler, seed: 5, evaluationEpisodesPerTask: evaluationEpisodes)
        return try Trainer(config: config, slots: [slot], evaluationSlots: [slot])
    }

    /// The critic's value of the scripted slot's (constant) observation with the task one-hot.
    static func value(_ trainer: Trainer<ScriptedSlot>) throws -> Float {
        let observation: [Float] = [0.5, 1]
        let task: [Int32] = [0]
        var value: Float = .nan
        try trainer.agent.values(observations: observation, tasks: task, count: 1, into: &value)
        return value
    }

    @Test func truncationBootstrapsWithTheFinalValueTerminationDoesNot() throws {
        for terminates in [false, true] {
            let trainer = try Self.trainer(slot: ScriptedSlot(episodeLength: 3, terminates: terminates, successStep: nil))
            let value = try Self.value(trainer)
            #expect(value != 0)
            _ = try trainer.collectRollout()
            for step in 0..<12 {
                let reward = trainer.buffer.rewards.pointer[step]
                let endsEpisode = step % 3 == 2
                let expected: Float = endsEpisode && !terminates ? 0.25 + Float(trainer.config.ppo.gamma) * value : 0.25
                #expect(abs(reward - expected) < 1e-6, "step \(step), terminates \(terminates): reward \(reward), expected \(expected)")
                #expect(trainer.buffer.dones.pointer[step] == (step > 0 && step % 3 == 0 ? 1 : 0))
            }
            #expect(trainer.sampler.state.tasks[0].totalEpisodeCount == 4)
            #expect(abs(trainer.sampler.state.tasks[0].runningMaxReturn! - 0.75) < 1e-12)
        }
    }

    @Test func rewardScaleScalesRolloutRewardsNotReportedReturns() throws {
        let trainer = try Self.trainer(slot: ScriptedSlot(episodeLength: 3, terminates: false, successStep: nil), rewardScale: 0.1)
        let value = try Self.value(trainer)
        _ = try trainer.collectRollout()
        for step in 0..<12 {
            let reward = trainer.buffer.rewards.pointer[step]
            // The bootstrap value is already in the critic's (scaled) units: added, not scaled.
            let expected: Float = 0.025 + (step % 3 == 2 ? Float(trainer.config.ppo.gamma) * value : 0)
            #expect(abs(reward - expected) < 1e-6, "step \(step): reward \(reward), expected \(expected)")
        }
        #expect(abs(trainer.sampler.state.tasks[0].runningMaxReturn! - 0.75) < 1e-12, "the sampler sees unscaled returns")
        let result = try trainer.evaluate()
        #expect(abs(result.meanReturn[0] - 0.75) < 1e-12, "evaluation reports unscaled returns")
    }

    @Test func evaluationReturnStopsAtTheFirstSuccessTheFullEpisodeReturnDoesNot() throws {
        let trainer = try Self.trainer(slot: ScriptedSlot(episodeLength: 10, terminates: false, successStep: 2))
        let result = try trainer.evaluate()
        #expect(result.successRate == [1])
        #expect(abs(result.meanReturn[0] - 0.5) < 1e-12, "two steps of 0.25 up to the success")
        #expect(abs(result.fullEpisodeReturn[0] - 2.5) < 1e-12, "the episode played on to its 10 steps")
        let never = try Self.trainer(slot: ScriptedSlot(episodeLength: 10, terminates: false, successStep: nil))
        let failed = try never.evaluate()
        #expect(failed.successRate == [0])
        #expect(abs(failed.meanReturn[0] - 2.5) < 1e-12)
        #expect(abs(failed.fullEpisodeReturn[0] - 2.5) < 1e-12)
        #expect(failed.episodesPerTask == 3)
    }

    @Test func aSuccessFlagRaisedAgainLaterInTheEpisodeCountsOnce() throws {
        let trainer = try Self.trainer(slot: ScriptedSlot(episodeLength: 6, terminates: false, successSteps: [2, 3, 5]))
        let result = try trainer.evaluate()
        #expect(result.successRate == [1])
        #expect(abs(result.meanReturn[0] - 0.5) < 1e-12)
        #expect(abs(result.fullEpisodeReturn[0] - 1.5) < 1e-12)
    }

    @Test func trainingEpisodesDoNotStopOnSuccess() throws {
        let trainer = try Self.trainer(slot: ScriptedSlot(episodeLength: 4, terminates: false, successStep: 1))
        _ = try trainer.collectRollout()
        let record = trainer.sampler.state.tasks[0]
        #expect(record.totalEpisodeCount == 3)
        #expect(record.successRate == 1)
        #expect(abs(record.runningMaxReturn! - 1.0) < 1e-12, "4 steps of 0.25: success did not end the training episode")
    }
}

/// One task, observation always 0.5, reward 0.25 per step; the episode ends after
/// `episodeLength` steps (terminated or truncated) and the success flag is set at the steps in
/// `successSteps`.
struct ScriptedSlot: MultiTaskEnvironmentSlot {
    let episodeLength: Int
    let terminates: Bool
    let successSteps: Set<Int>
    var stepsTaken = 0

    var observationSize: Int { 1 }
    var actionSize: Int { 1 }
    var taskCount: Int { 1 }

    init(episodeLength: Int, terminates: Bool, successStep: Int?) {
        self.episodeLength = episodeLength
        self.terminates = terminates
        self.successSteps = successStep.map { [$0] } ?? []
    }

    init(episodeLength: Int, terminates: Bool, successSteps: Set<Int>) {
        self.episodeLength = episodeLength
        self.terminates = terminates
        self.successSteps = successSteps
    }

    mutating func reset(task: Int, observation: UnsafeMutableBufferPointer<Float>) throws {
        stepsTaken = 0
        observation[0] = 0.5
    }

    mutating func step(action: UnsafeBufferPointer<Float>, observation: UnsafeMutableBufferPointer<Float>) throws -> SlotStep {
        stepsTaken += 1
        observation[0] = 0.5
        let ended = stepsTaken >= episodeLength
        return SlotStep(reward: 0.25, success: successSteps.contains(stepsTaken), terminated: ended && terminates, truncated: ended && !terminates)
    }

    func checkpointState() throws -> SlotState { SlotState(integers: ["steps_taken": [Int64(stepsTaken)]]) }

    mutating func restore(from state: SlotState, observation: UnsafeMutableBufferPointer<Float>) throws {
        stepsTaken = Int(try state.integer("steps_taken"))
        observation[0] = 0.5
    }
}
