import Foundation
import RandomStreams
import Testing
import Networks
import SafeTensors
@testable import PPO

@Suite struct PPOCheckpointTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drats-ppo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func fullState(_ agent: PPOAgent) -> [String: NamedTensor] {
        agent.policy.exportTensors().merging(agent.critic.exportTensors()) { a, _ in a }.merging(agent.optimizer.exportTensors()) { a, _ in a }
    }

    @Test func roundTripRestoresExactlyAndResumesIdentically() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("checkpoint.safetensors")
        let agent = try PPOAgentTests.makeAgent(seed: 21)
        _ = try agent.update(try PPOAgentTests.randomRollout(agent, seed: 22))
        try agent.writeCheckpoint(to: url, counters: .init(globalStep: 64, iteration: 1), metadata: ["run": "test"])

        // The seed is part of the config, so a run with another seed refuses the checkpoint.
        let otherRun = try PPOAgentTests.makeAgent(seed: 99)
        #expect(throws: PPOError.self) { try otherRun.readCheckpoint(from: url) }

        let twin = try PPOAgentTests.makeAgent(seed: 21)
        let counters = try twin.readCheckpoint(from: url)
        #expect(counters == PPOCheckpoint.Counters(globalStep: 64, iteration: 1))
        #expect(Self.fullState(twin) == Self.fullState(agent))
        #expect(twin.optimizer.steps == agent.optimizer.steps && agent.optimizer.steps.allSatisfy { $0 > 0 })
        #expect(twin.generator.state == agent.generator.state)

        // Continuing from the checkpoint gives bit-identical training.
        let rolloutA = try PPOAgentTests.randomRollout(agent, seed: 23)
        let rolloutB = try PPOAgentTests.randomRollout(twin, seed: 23)
        #expect(rolloutA.actions.values == rolloutB.actions.values)
        _ = try agent.update(rolloutA)
        _ = try twin.update(rolloutB)
        #expect(Self.fullState(twin) == Self.fullState(agent))

        // The file is plain safetensors: F32 tensors in PyTorch's [output, input] layout.
        let file = try SafeTensors.read(from: url)
        #expect(file.tensors["actor.trunk.0.weight"]?.shape == [16, 5])
        #expect(file.tensors["critic.heads.2.weight.adam_v"]?.dtype == .f32)
        #expect(file.metadata["format_version"] == "1" && file.metadata["config_hash"] == agent.config.configHash)
        #expect(file.metadata["run"] == "test")
    }

    @Test func truncatedOrAlteredFileIsRejectedAndAgentUnchanged() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("checkpoint.safetensors")
        let source = try PPOAgentTests.makeAgent(seed: 31)
        _ = try source.update(try PPOAgentTests.randomRollout(source, seed: 32))
        try source.writeCheckpoint(to: url, counters: .init(globalStep: 1, iteration: 1))
        let bytes = try Data(contentsOf: url)

        let target = try PPOAgentTests.makeAgent(seed: 31)
        let before = Self.fullState(target)

        try bytes.prefix(bytes.count - 100).write(to: url)
        #expect(throws: PPOError.self) { try target.readCheckpoint(from: url) }
        #expect(Self.fullState(target) == before)

        var altered = bytes
        altered[altered.count - 7] ^= 0x10
        try altered.write(to: url)
        do {
            try target.readCheckpoint(from: url)
            Issue.record("an altered checkpoint was accepted")
        } catch {
            #expect(error.description.contains(url.path))
        }
        #expect(Self.fullState(target) == before)
    }

    @Test func mismatchedContentsAreRejectedWithoutPartialRestore() throws {
        let source = try PPOAgentTests.makeAgent(seed: 41)
        let target = try PPOAgentTests.makeAgent(seed: 41)
        for index in 0..<target.policy.trunk.layers[0].bias.count { target.policy.trunk.layers[0].bias.value.pointer[index] = 0.25 }
        let before = Self.fullState(target)
        let good = try source.checkpointFile(counters: .init(globalStep: 0, iteration: 0))

        var missingCritic = good
        missingCritic.tensors["critic.heads.1.bias"] = nil   // the actor would import, the critic fails
        #expect(throws: PPOError.self) { try target.restore(from: missingCritic) }
        #expect(Self.fullState(target) == before)

        var wrongVersion = good
        wrongVersion.metadata["format_version"] = "99"
        #expect(throws: PPOError.self) { try target.restore(from: wrongVersion) }

        var badStep = good
        badStep.metadata["critic_adam_step"] = "many"
        #expect(throws: PPOError.self) { try target.restore(from: badStep) }

        var wrongType = good
        wrongType.tensors["actor.trunk.0.bias"] = try Tensor(float64: Array(repeating: 0, count: 16), shape: [16])
        #expect(throws: PPOError.self) { try target.restore(from: wrongType) }
        #expect(Self.fullState(target) == before)

        _ = try target.restore(from: good)
        #expect(Self.fullState(target) == Self.fullState(source))
    }

    static func agent(_ optimizers: ActorCriticOptimizers, _ normalization: AdvantageNormalization, seed: UInt64 = 51) throws -> PPOAgent {
        var config = PPOConfig()
        config.numEnvs = 4; config.numSteps = 16; config.numMinibatches = 4; config.updateEpochs = 3
        config.hiddenSizes = [16, 16]; config.seed = seed
        config.optimizers = optimizers
        config.advantageNormalization = normalization
        return try PPOAgent(config: config, observationSize: 5, actionSize: 2, taskCount: 3)
    }

    /// Both optimisers' moments and steps are stored; a joint checkpoint is written exactly as
    /// before the separate optimisers existed (no new metadata keys), and a checkpoint of the
    /// other layout is refused with the key to change, leaving the agent as it was.
    @Test func optimiserLayoutsAreStoredAndTheOtherLayoutIsRefusedByName() throws {
        let separate = try Self.agent(.separate, .perTask)
        _ = try separate.update(try PPOAgentTests.randomRollout(separate, seed: 52))
        let separateFile = try separate.checkpointFile(counters: .init(globalStep: 64, iteration: 1))
        #expect(separateFile.metadata["optimizers"] == "separate" && separateFile.metadata["advantage_normalization"] == "perTask")
        #expect(separateFile.metadata["actor_adam_step"] == "\(separate.optimizer.steps[0])" && separateFile.metadata["adam_step"] == nil)
        let twin = try Self.agent(.separate, .perTask)
        _ = try twin.restore(from: separateFile)
        #expect(Self.fullState(twin) == Self.fullState(separate) && twin.optimizer.steps == separate.optimizer.steps)

        let joint = try Self.agent(.joint, .global)
        _ = try joint.update(try PPOAgentTests.randomRollout(joint, seed: 52))
        let jointFile = try joint.checkpointFile(counters: .init(globalStep: 64, iteration: 1))
        #expect(jointFile.metadata["optimizers"] == nil && jointFile.metadata["advantage_normalization"] == nil)
        #expect(jointFile.metadata["adam_step"] == "\(joint.optimizer.steps[0])" && jointFile.metadata["actor_adam_step"] == nil)
        #expect(!(jointFile.metadata["config"] ?? "").contains("optimizers"))
        let jointTwin = try Self.agent(.joint, .global)
        _ = try jointTwin.restore(from: jointFile)
        #expect(Self.fullState(jointTwin) == Self.fullState(joint))

        for (target, file, key) in [(try Self.agent(.separate, .global), jointFile, "ppo.optimizers: joint"),
                                    (try Self.agent(.joint, .global), separateFile, "ppo.optimizers: separate"),
                                    (try Self.agent(.joint, .perTask), jointFile, "ppo.advantageNormalization: global")] {
            let before = Self.fullState(target)
            do {
                _ = try target.restore(from: file, path: "other.safetensors")
                Issue.record("a checkpoint with \(key) was accepted")
            } catch {
                #expect(error.description.contains("written with \(key)") && error.description.contains("other.safetensors"), "\(error)")
                #expect(error.description.contains("set \(key)"), "the message says what to set: \(error)")
            }
            #expect(Self.fullState(target) == before)
        }
    }
}

