import Foundation
import Networks
import PPO
import SafeTensors
import RandomStreams

/// Real agent and run checkpoints for the tests, written by `PPOAgent` itself.
enum Fixtures {
    /// A small agent whose weights are redrawn at scale 0.5 (initialisation's 0.01-gain heads
    /// would make every mean nearly 0, hiding mistakes), observation = 5 values + one-hot.
    static func agent(
        logStdMode: LogStdMode = .stateDependent, activation: Activation = .relu, hidden: [Int] = [8, 6],
        slotObservationSize: Int = 5, taskCount: Int = 3, headCount: Int? = nil, actionSize: Int = 2, seed: UInt64 = 5
    ) throws -> PPOAgent {
        var config = PPOConfig()
        config.numEnvs = 4
        config.numSteps = 8
        config.numMinibatches = 2
        config.hiddenSizes = hidden
        config.logStdMode = logStdMode
        config.activation = activation
        config.seed = seed
        let agent = try PPOAgent(
            config: config, observationSize: slotObservationSize + taskCount, actionSize: actionSize, taskCount: headCount ?? taskCount)
        var generator = Xoshiro256(seed: seed ^ 0xF00D)
        for owner in [agent.policy as any ParameterOwner, agent.critic] {
            var tensors: [String: NamedTensor] = [:]
            for parameter in owner.parameters {
                tensors[parameter.name] = NamedTensor(
                    shape: parameter.shape, values: (0..<parameter.count).map { _ in Float(0.5 * generator.nextGaussian()) })
            }
            try owner.importTensors(tensors)
        }
        return agent
    }

    /// The agent's checkpoint written to `url` through `PPOAgent.writeCheckpoint`.
    static func writeAgentCheckpoint(_ agent: PPOAgent, to url: URL) throws {
        try agent.writeCheckpoint(to: url, counters: .init(globalStep: 123, iteration: 4))
    }

    /// A run-style checkpoint: the agent's file plus the trainer's kind of extra metadata and
    /// tensors (as `Trainer.checkpointFile` adds them), written with a checksum.
    static func writeRunCheckpoint(_ agent: PPOAgent, taskNames: [String], to url: URL) throws {
        var file = try agent.checkpointFile(counters: .init(globalStep: 1_000, iteration: 2))
        file.metadata["trainer_format"] = "drats-trainer"
        file.metadata["task_names"] = String(decoding: try JSONEncoder().encode(taskNames), as: UTF8.self)
        file.metadata["sampler_state"] = "{\"kind\":\"drats\"}"
        file.tensors["trainer.next_observations"] = try Tensor(float32: [Float](repeating: 0.25, count: 8), shape: [2, 4])
        file.tensors["trainer.slot_tasks"] = try Tensor(int32: [0, 1], shape: [2])
        try SafeTensors.write(file, to: url)
    }

    /// Deterministic test observations in [-2, 2).
    static func observations(count: Int, size: Int, seed: UInt64) -> [[Float]] {
        var generator = Xoshiro256(seed: seed)
        return (0..<count).map { _ in (0..<size).map { _ in Float(4 * generator.nextUnitInterval() - 2) } }
    }

    /// The agent's deterministic action and value for one observation with task `task`'s one-hot.
    static func agentOutput(_ agent: PPOAgent, observation: [Float], task: Int, taskCount: Int, head: Int) throws -> (mean: [Float], value: Float) {
        var input = observation + [Float](repeating: 0, count: taskCount)
        input[observation.count + task] = 1
        var action = [Float](repeating: 0, count: agent.actionSize), logProb: [Float] = [0], value: [Float] = [0]
        try agent.act(observations: input, tasks: [Int32(head)], count: 1, actions: &action, logProbs: &logProb, values: &value, deterministic: true)
        return (action, value[0])
    }
}
