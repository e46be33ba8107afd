import Testing
import MallocCounter
import Networks
@testable import PPO
import RandomStreams

@Suite struct PPOAgentTests {
    static func makeAgent(seed: UInt64 = 3, hidden: [Int] = [16, 16], slots: Int = 4) throws -> PPOAgent {
        var config = PPOConfig()
        config.numEnvs = slots
        config.numSteps = 16
        config.numMinibatches = 4
        config.updateEpochs = 3
        config.hiddenSizes = hidden
        config.seed = seed
        return try PPOAgent(config: config, observationSize: 5, actionSize: 2, taskCount: 3)
    }

    static func randomRollout(_ agent: PPOAgent, seed: UInt64) throws -> RolloutBuffer {
        let buffer = try agent.makeRolloutBuffer()
        var generator = Xoshiro256(seed: seed)
        let envs = agent.config.numEnvs
        for step in 0..<buffer.numSteps {
            let first = buffer.index(step: step, env: 0)
            for env in 0..<envs {
                buffer.tasks[first + env] = Int32(env % 3)
                for i in 0..<5 { buffer.observations[first + env, i] = Float(generator.nextGaussian()) }
                buffer.rewards.pointer[first + env] = Float(generator.nextGaussian())
            }
            try agent.act(
                observations: buffer.observations.row(first), tasks: buffer.tasks + first, count: envs,
                actions: buffer.actions.row(first), logProbs: buffer.logProbs.pointer + first, values: buffer.values.pointer + first)
        }
        let zeros = [Float](repeating: 0, count: envs)
        buffer.computeAdvantages(nextValues: zeros, nextDones: zeros, gamma: 0.99, gaeLambda: 0.97)
        return buffer
    }

    @Test(arguments: [false, true])
    func rolloutInferenceAllocatesNothing(concurrent: Bool) throws {
        let agent = try Self.makeAgent(hidden: [64, 64, 64], slots: 10)
        agent.concurrentRolloutInference = concurrent
        let observations = Matrix(rows: 10, columns: 5)
        let tasks: [Int32] = [2, 0, 1, 1, 0, 2, 2, 0, 1, 0]
        let actions = Matrix(rows: 10, columns: 2), logProbs = Matrix(rows: 10, columns: 1), values = Matrix(rows: 10, columns: 1)
        try tasks.withUnsafeBufferPointer { taskIds in
            try agent.act(observations: observations.pointer, tasks: taskIds.baseAddress!, count: 10,
                          actions: actions.pointer, logProbs: logProbs.pointer, values: values.pointer)
            malloc_counter_start()
            let probe = [Float](repeating: 0, count: 64)   // positive control
            let control = malloc_counter_stop()
            #expect(control >= 1 && probe.count == 64, "the malloc counter does not see Swift allocations")
            malloc_counter_start()
            for _ in 0..<100 {
                try agent.act(observations: observations.pointer, tasks: taskIds.baseAddress!, count: 10,
                              actions: actions.pointer, logProbs: logProbs.pointer, values: values.pointer)
                try agent.values(observations: observations.pointer, tasks: taskIds.baseAddress!, count: 10, into: values.pointer)
            }
            #expect(malloc_counter_stop() == 0)
        }
    }

    @Test func actReturnsSlotOrderAndConsistentLogProbs() throws {
        let agent = try Self.makeAgent()
        var generator = Xoshiro256(seed: 5)
        let observations = Matrix(rows: 4, columns: 5)
        for index in 0..<observations.count { observations.pointer[index] = Float(generator.nextGaussian()) }
        let tasks: [Int32] = [2, 0, 2, 1]
        let actions = Matrix(rows: 4, columns: 2), logProbs = Matrix(rows: 4, columns: 1), values = Matrix(rows: 4, columns: 1)
        try agent.act(observations: observations.pointer, tasks: tasks, count: 4,
                      actions: actions.pointer, logProbs: logProbs.pointer, values: values.pointer, deterministic: true)
        // Slot by slot through the networks with a one-row batch must agree.
        for slot in 0..<4 {
            let single = Matrix(rows: 1, columns: 2), singleLogProb = Matrix(rows: 1, columns: 1), singleValue = Matrix(rows: 1, columns: 1)
            try agent.act(observations: observations.row(slot), tasks: [tasks[slot]], count: 1,
                          actions: single.pointer, logProbs: singleLogProb.pointer, values: singleValue.pointer, deterministic: true)
            #expect(abs(single[0, 0] - actions[slot, 0]) < 1e-6 && abs(single[0, 1] - actions[slot, 1]) < 1e-6)
            #expect(abs(singleValue[0, 0] - values[slot, 0]) < 1e-6)
        }
        // At the mean, log p = -sum(logStd) - d/2 log(2 pi); initial log-std is about 0.
        for slot in 0..<4 { #expect(abs(logProbs[slot, 0] - (-1.837877)) < 0.05) }
        #expect(throws: PPOError.self) {
            try agent.act(observations: observations.pointer, tasks: [0, 0, 0, 0, 0], count: 5,
                          actions: actions.pointer, logProbs: logProbs.pointer, values: values.pointer)
        }
        #expect(throws: PPOError.self) {
            try agent.act(observations: observations.pointer, tasks: [0, 7, 0, 0], count: 4,
                          actions: actions.pointer, logProbs: logProbs.pointer, values: values.pointer)
        }
    }

    @Test func inferenceSlotsCanExceedNumEnvs() throws {
        var config = PPOConfig()
        config.numEnvs = 2; config.numSteps = 4; config.numMinibatches = 1; config.hiddenSizes = [8]
        let agent = try PPOAgent(config: config, observationSize: 3, actionSize: 1, taskCount: 2, inferenceSlots: 20)
        let observations = Matrix(rows: 20, columns: 3), outputs = Matrix(rows: 20, columns: 3)
        let tasks = [Int32](repeating: 1, count: 20)
        try agent.act(observations: observations.pointer, tasks: tasks, count: 20, actions: outputs.pointer,
                      logProbs: outputs.pointer + 20, values: outputs.pointer + 40, deterministic: true)
        #expect(throws: PPOError.self) {
            try agent.act(observations: observations.pointer, tasks: tasks + [1], count: 21, actions: outputs.pointer,
                          logProbs: outputs.pointer + 20, values: outputs.pointer + 40)
        }
    }

    @Test func sameSeedGivesSameUpdate() throws {
        var results: [[String: NamedTensor]] = []
        for _ in 0..<2 {
            let agent = try Self.makeAgent(seed: 11)
            let buffer = try Self.randomRollout(agent, seed: 12)
            let stats = try agent.update(buffer)
            #expect(stats.minibatchUpdates > 0 && stats.policyLoss.isFinite)
            results.append(agent.policy.exportTensors().merging(agent.critic.exportTensors()) { a, _ in a })
        }
        #expect(results[0] == results[1])
        let other = try Self.makeAgent(seed: 12)
        #expect(other.policy.exportTensors() != results[0].filter { $0.key.hasPrefix("actor") })
    }

    @Test func updateRunsAllEpochsOrStopsOnKL() throws {
        let agent = try Self.makeAgent()
        let buffer = try Self.randomRollout(agent, seed: 13)
        let stats = try agent.update(buffer)
        #expect(stats.epochs == 3 || stats.stoppedEarly)
        if !stats.stoppedEarly { #expect(stats.minibatchUpdates == 12) }
        #expect(stats.meanAbsoluteAdvantageByTask.count == 3 && stats.meanAbsoluteAdvantageByTask.allSatisfy { $0 > 0 })
        #expect(stats.metrics["losses/approx_kl"] != nil)

        var config = agent.config
        config.targetKL = 1e-9
        config.learningRate = 0.05
        let strict = try PPOAgent(config: config, observationSize: 5, actionSize: 2, taskCount: 3)
        let strictBuffer = try Self.randomRollout(strict, seed: 13)
        let strictStats = try strict.update(strictBuffer)
        #expect(strictStats.stoppedEarly)
        #expect(strictStats.minibatchUpdates < 12)
    }

    @Test func nonFiniteRolloutIsSkippedNotApplied() throws {
        let agent = try Self.makeAgent(seed: 17)
        let buffer = try Self.randomRollout(agent, seed: 18)
        buffer.observations[5, 2] = .nan   // one corrupt transition
        let before = agent.policy.exportTensors()
        let stats = try agent.update(buffer)
        #expect(stats.skippedNonFiniteMinibatches > 0)
        #expect(stats.minibatchUpdates + stats.skippedNonFiniteMinibatches <= 12)
        #expect(agent.policy.exportTensors().values.allSatisfy { $0.values.allSatisfy(\.isFinite) })
        #expect(agent.critic.exportTensors().values.allSatisfy { $0.values.allSatisfy(\.isFinite) })
        if stats.minibatchUpdates == 0 { #expect(agent.policy.exportTensors() == before) }
        #expect(stats.metrics["charts/skipped_nonfinite_minibatches"] == Double(stats.skippedNonFiniteMinibatches))
    }

    @Test func updateRejectsMismatchedBuffer() throws {
        let agent = try Self.makeAgent()
        let buffer = try RolloutBuffer(numSteps: 3, numEnvs: 4, observationSize: 5, actionSize: 2)
        #expect(throws: PPOError.self) { try agent.update(buffer) }
    }
}

@Suite struct ConcurrentRolloutInferenceTests {
    @Test func concurrentInferenceGivesIdenticalResultsAndStops() throws {
        let sequential = try PPOAgentTests.makeAgent(seed: 81, slots: 6)
        let concurrent = try PPOAgentTests.makeAgent(seed: 81, slots: 6)
        concurrent.concurrentRolloutInference = true
        #expect(concurrent.concurrentRolloutInference)
        var generator = Xoshiro256(seed: 82)
        let observations = Matrix(rows: 6, columns: 5)
        let tasks: [Int32] = [1, 0, 2, 2, 0, 1]
        for round in 0..<20 {
            for index in 0..<observations.count { observations.pointer[index] = Float(generator.nextGaussian()) }
            let count = round % 6 + 1
            var results: [[Float]] = []
            for agent in [sequential, concurrent] {
                let actions = Matrix(rows: 6, columns: 2), logProbs = Matrix(rows: 6, columns: 1), values = Matrix(rows: 6, columns: 1)
                try agent.act(observations: observations.pointer, tasks: tasks, count: count,
                              actions: actions.pointer, logProbs: logProbs.pointer, values: values.pointer)
                results.append(actions.values + logProbs.values + values.values)
            }
            #expect(results[0] == results[1])
        }
        concurrent.concurrentRolloutInference = false
        #expect(!concurrent.concurrentRolloutInference)
        concurrent.concurrentRolloutInference = true   // the agent's deinit stops this one
    }
}
