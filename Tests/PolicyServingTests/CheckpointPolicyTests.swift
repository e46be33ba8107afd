import Foundation
import Networks
import PPO
@testable import PolicyServing
import SafeTensors
import Testing
import TestScratch

@Suite struct CheckpointPolicyTests {
    /// Both log-std modes and both activations, with hidden layers and without (a linear policy).
    static let variants: [(LogStdMode, Activation, [Int])] = [
        (.stateDependent, .relu, [8, 6]), (.stateIndependent, .relu, [8, 6]),
        (.stateDependent, .tanh, [8, 6]), (.stateIndependent, .tanh, [7]), (.stateIndependent, .relu, []),
    ]

    @Test(arguments: 0..<5) func agentCheckpointActsLikeTheAgent(variant: Int) throws {
        let (mode, activation, hidden) = Self.variants[variant]
        let scratch = try TestScratch("policy-agent")
        defer { scratch.remove() }
        let agent = try Fixtures.agent(logStdMode: mode, activation: activation, hidden: hidden)
        let url = scratch.file("agent.safetensors")
        try Fixtures.writeAgentCheckpoint(agent, to: url)

        let policy = try CheckpointPolicy.load(from: url)
        #expect(policy.slotObservationSize == 5 && policy.taskCount == 3 && policy.headCount == 3 && policy.actionSize == 2)
        #expect(policy.taskNames == nil)
        #expect(policy.config.logStdMode == mode && policy.config.activation == activation && policy.config.hiddenSizes == hidden)
        let inference = PolicyInference(checkpoint: policy)
        for (index, observation) in Fixtures.observations(count: 12, size: 5, seed: 9).enumerated() {
            let task = index % 3
            let expected = try Fixtures.agentOutput(agent, observation: observation, task: task, taskCount: 3, head: task)
            _ = inference.observation.update(from: observation)
            let value = try inference.evaluate(task: task)
            for j in 0..<2 {
                #expect(abs(inference.mean[j] - expected.mean[j]) <= 1e-6)
                #expect(inference.action[j] == inference.mean[j])
            }
            #expect(abs(value - expected.value) <= 1e-6)
        }
    }

    @Test func stateIndependentLogStdIsThePerTaskVector() throws {
        let scratch = try TestScratch("policy-logstd")
        defer { scratch.remove() }
        let agent = try Fixtures.agent(logStdMode: .stateIndependent)
        let url = scratch.file("agent.safetensors")
        try Fixtures.writeAgentCheckpoint(agent, to: url)
        let inference = PolicyInference(checkpoint: try CheckpointPolicy.load(from: url))
        let stored = try #require(agent.policy.logStd)
        for task in 0..<3 {
            _ = inference.observation.update(from: [1, 2, 3, 4, 5])
            _ = try inference.evaluate(task: task)
            #expect(Array(inference.logStd) == Array(UnsafeBufferPointer(start: stored.value.row(task), count: 2)))
        }
    }

    @Test func stateDependentLogStdIsClamped() throws {
        let scratch = try TestScratch("policy-clamp")
        defer { scratch.remove() }
        let agent = try Fixtures.agent(logStdMode: .stateDependent, hidden: [])
        // Head rows 2 and 3 produce the log-std; a large weight on the first input drives them past the bounds.
        let head = agent.policy.heads.heads[0]
        head.weight.value[2, 0] = 100
        head.weight.value[3, 0] = -100
        let url = scratch.file("agent.safetensors")
        try Fixtures.writeAgentCheckpoint(agent, to: url)
        let inference = PolicyInference(checkpoint: try CheckpointPolicy.load(from: url))
        _ = inference.observation.update(from: [1, 0, 0, 0, 0])
        _ = try inference.evaluate(task: 0)
        #expect(Array(inference.logStd) == [GaussianPolicy.maximumLogStd, GaussianPolicy.minimumLogStd])
    }

    @Test func runCheckpointIsReadAndItsExtrasIgnored() throws {
        let scratch = try TestScratch("policy-run")
        defer { scratch.remove() }
        let agent = try Fixtures.agent(taskCount: 2)
        let url = scratch.file("run.safetensors")
        try Fixtures.writeRunCheckpoint(agent, taskNames: ["reach-v3", "push-v3"], to: url)
        let policy = try CheckpointPolicy.load(from: url)
        #expect(policy.taskNames == ["reach-v3", "push-v3"])
        #expect(try policy.taskIndex(named: "push-v3") == 1)
        #expect(throws: PolicyServingError.unknownTaskName("door-open-v3", valid: policy.validTasks)) { try policy.taskIndex(named: "door-open-v3") }
        let inference = PolicyInference(checkpoint: policy)
        let observation: [Float] = [0.5, -1, 0.25, 2, -0.75]
        _ = inference.observation.update(from: observation)
        let value = try inference.evaluate(task: 1)
        let expected = try Fixtures.agentOutput(agent, observation: observation, task: 1, taskCount: 2, head: 1)
        #expect(zip(Array(inference.mean), expected.mean).allSatisfy { abs($0 - $1) <= 1e-6 })
        #expect(abs(value - expected.value) <= 1e-6)
    }

    @Test func sharedHeadServesEveryTaskWithHeadZero() throws {
        let scratch = try TestScratch("policy-shared")
        defer { scratch.remove() }
        let agent = try Fixtures.agent(taskCount: 3, headCount: 1)
        let url = scratch.file("run.safetensors")
        try Fixtures.writeRunCheckpoint(agent, taskNames: ["a", "b", "c"], to: url)
        let policy = try CheckpointPolicy.load(from: url)
        #expect(policy.taskCount == 3 && policy.headCount == 1 && policy.slotObservationSize == 5)
        let inference = PolicyInference(checkpoint: policy)
        var means: [[Float]] = []
        for task in 0..<3 {
            _ = inference.observation.update(from: [0.5, -1, 0.25, 2, -0.75])
            _ = try inference.evaluate(task: task)
            let expected = try Fixtures.agentOutput(agent, observation: [0.5, -1, 0.25, 2, -0.75], task: task, taskCount: 3, head: 0)
            #expect(zip(Array(inference.mean), expected.mean).allSatisfy { abs($0 - $1) <= 1e-6 })
            means.append(Array(inference.mean))
        }
        // The one-hot still tells the tasks apart through the shared trunk.
        #expect(means[0] != means[1] && means[1] != means[2])
    }

    @Test func missingFileAndForeignFilesAreRefusedClearly() throws {
        let scratch = try TestScratch("policy-foreign")
        defer { scratch.remove() }
        let missing = scratch.file("nope.safetensors")
        #expect(throws: PolicyServingError.unreadable(path: missing.path, reason: "no such file or directory")) { try CheckpointPolicy.load(from: missing) }

        let text = scratch.file("notes.safetensors")
        try Data("hello, not tensors".utf8).write(to: text)
        do { _ = try CheckpointPolicy.load(from: text); Issue.record("a text file loaded") } catch {
            guard case .unreadable = error else { Issue.record("unexpected \(error)"); return }
        }

        let other = scratch.file("other.safetensors")
        try SafeTensors.write(SafeTensorsFile(tensors: ["w": try Tensor(float32: [1, 2], shape: [2])], metadata: ["format": "pt"]), to: other)
        do { _ = try CheckpointPolicy.load(from: other); Issue.record("a foreign file loaded") } catch {
            #expect(error == .notACheckpoint(path: other.path, reason: "metadata 'format' is 'pt', not 'drats-ppo'"))
            #expect(error.description.contains("checkpoints/"))
        }
    }

    @Test func corruptedCheckpointFailsItsChecksum() throws {
        let scratch = try TestScratch("policy-corrupt")
        defer { scratch.remove() }
        let url = scratch.file("agent.safetensors")
        try Fixtures.writeAgentCheckpoint(try Fixtures.agent(), to: url)
        var bytes = try [UInt8](Data(contentsOf: url))
        bytes[bytes.count - 3] ^= 0x40
        try Data(bytes).write(to: url)
        do { _ = try CheckpointPolicy.load(from: url); Issue.record("a corrupt file loaded") } catch {
            guard case let .unreadable(_, reason) = error else { Issue.record("unexpected \(error)"); return }
            #expect(reason.contains("checksum mismatch"))
        }
    }

    /// Edits the agent's checkpoint file before loading it from memory.
    static func loadEdited(_ edit: (inout SafeTensorsFile) throws -> Void) throws -> PolicyServingError? {
        var file = try Fixtures.agent().checkpointFile(counters: .init(globalStep: 0, iteration: 0))
        try edit(&file)
        do { _ = try CheckpointPolicy(file: file, path: "x.safetensors"); return nil } catch { return error }
    }

    @Test func brokenContentsNameWhatIsWrong() throws {
        #expect(try Self.loadEdited { $0.tensors["actor.heads.1.weight"] = nil }
                == .badTensor(path: "x.safetensors", reason: "tensor 'actor.heads.1.weight' is missing; the checkpoint does not match its own config"))
        #expect(try Self.loadEdited { $0.tensors["critic.trunk.0.bias"] = try Tensor(float64: [Double](repeating: 0, count: 8), shape: [8]) }
                == .badTensor(path: "x.safetensors", reason: "tensor 'critic.trunk.0.bias' is F64; policy tensors are F32"))
        let shape = try Self.loadEdited { $0.tensors["actor.trunk.0.weight"] = try Tensor(float32: [Float](repeating: 0, count: 8 * 7), shape: [8, 7]) }
        #expect(shape?.description.contains("actor.trunk.0.weight") == true)
        let nonFinite = try Self.loadEdited { $0.tensors["actor.trunk.1.bias"] = try Tensor(float32: [0, 0, .nan, 0, 0, 0], shape: [6]) }
        #expect(nonFinite?.description.contains("actor.trunk.1.bias") == true)
        #expect(try Self.loadEdited { $0.metadata["format_version"] = "9" }
                == .badMetadata(path: "x.safetensors", key: "format_version", reason: "is '9'; this build reads version 1"))
        #expect(try Self.loadEdited { $0.metadata["action_size"] = "two" }
                == .badMetadata(path: "x.safetensors", key: "action_size", reason: "is 'two'; it must be an integer of at least 1"))
        #expect(try Self.loadEdited { $0.metadata["config"] = nil } == .badMetadata(path: "x.safetensors", key: "config", reason: "is missing"))
        #expect(try Self.loadEdited { $0.metadata["task_names"] = "[\"a\", \"b\"]" }
                == .badMetadata(path: "x.safetensors", key: "task_names", reason: "lists 2 tasks but the policy has 3 heads"))
        #expect(try Self.loadEdited { $0.metadata["task_names"] = "reach-v3" }
                == .badMetadata(path: "x.safetensors", key: "task_names", reason: "is not a non-empty JSON array of strings"))
        #expect(try Self.loadEdited { $0.metadata["observation_size"] = "2" }
                == .badMetadata(path: "x.safetensors", key: "observation_size", reason: "is 2, smaller than the 3-value one-hot task id it must end with"))
    }
}
