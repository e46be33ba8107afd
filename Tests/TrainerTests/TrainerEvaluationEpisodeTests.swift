import Testing
import PPO
import Samplers
@testable import Trainer

/// Evaluation numbers its episodes per task, whichever slot plays them, so a slot with fixed
/// layouts can play layout k for episode k.
@Suite struct TrainerEvaluationEpisodeTests {
    final class ResetLog { var evaluationResets: [[Int]] = [[], [], []] }

    struct RecordingSlot: MultiTaskEnvironmentSlot {
        let log: ResetLog
        var steps = 0
        var observationSize: Int { 1 }
        var actionSize: Int { 1 }
        var taskCount: Int { 3 }

        mutating func reset(task: Int, observation: UnsafeMutableBufferPointer<Float>) throws {
            steps = 0
            observation[0] = Float(task)
        }

        mutating func resetForEvaluation(task: Int, episode: Int, observation: UnsafeMutableBufferPointer<Float>) throws {
            log.evaluationResets[task].append(episode)
            try reset(task: task, observation: observation)
        }

        mutating func step(action: UnsafeBufferPointer<Float>, observation: UnsafeMutableBufferPointer<Float>) throws -> SlotStep {
            steps += 1
            return SlotStep(reward: 1, success: false, terminated: false, truncated: steps >= 4)
        }

        func checkpointState() throws -> SlotState { SlotState(integers: ["steps": [Int64(steps)]]) }

        mutating func restore(from state: SlotState, observation: UnsafeMutableBufferPointer<Float>) throws {
            steps = Int(try state.integer("steps"))
        }
    }

    @Test(arguments: [1, 2])
    func everyTaskPlaysEpisodesZeroToNOnce(threads: Int) throws {
        var ppo = PPOConfig()
        ppo.numEnvs = 3
        ppo.numSteps = 8
        ppo.numMinibatches = 2
        ppo.updateEpochs = 1
        ppo.hiddenSizes = [4]
        var sampler = SamplerConfig()
        sampler.kind = .uniform
        let config = TrainerConfig(ppo: ppo, sampler: sampler, seed: 2, evaluationEpisodesPerTask: 5, environmentThreads: threads)
        let log = ResetLog()
        let trainer = try Trainer(config: config, slots: (0..<3).map { _ in RecordingSlot(log: log) },
                                  evaluationSlots: (0..<2).map { _ in RecordingSlot(log: log) })
        #expect(log.evaluationResets.allSatisfy { $0.isEmpty })
        let result = try trainer.evaluate()
        #expect(log.evaluationResets == [[0, 1, 2, 3, 4], [0, 1, 2, 3, 4], [0, 1, 2, 3, 4]])
        #expect(result.meanReturn == [4, 4, 4] && result.fullEpisodeReturn == [4, 4, 4] && result.successRate == [0, 0, 0])
    }
}
