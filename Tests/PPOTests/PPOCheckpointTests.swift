import Foundation
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
        #expect(twin.optimizer.step == agent.optimizer.step && agent.optimizer.step > 0)
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
        badStep.metadata["adam_step"] = "many"
        #expect(throws: PPOError.self) { try target.restore(from: badStep) }

        var wrongType = good
        wrongType.tensors["actor.trunk.0.bias"] = try Tensor(float64: Array(repeating: 0, count: 16), shape: [16])
        #expect(throws: PPOError.self) { try target.restore(from: wrongType) }
        #expect(Self.fullState(target) == before)

        _ = try target.restore(from: good)
        #expect(Self.fullState(target) == Self.fullState(source))
    }
}
