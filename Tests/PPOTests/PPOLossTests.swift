import Foundation
import Testing
import Networks
import NetworkReference
@testable import PPO
import RandomStreams

/// Actor and critic as one parameter owner, for the whole-loss gradient check.
final class ActorCritic: ParameterOwner {
    let agent: PPOAgent
    init(_ agent: PPOAgent) { self.agent = agent }
    var parameters: [Parameter] { agent.policy.parameters + agent.critic.parameters }
}

@Suite struct PPOLossTests {
    static func makeAgent(mode: LogStdMode, minibatchSize: Int = 10) throws -> PPOAgent {
        var config = PPOConfig()
        config.numEnvs = 2
        config.numSteps = minibatchSize
        config.numMinibatches = 2
        config.hiddenSizes = [6, 5]
        config.logStdMode = mode
        config.entCoef = 0.05
        config.vfCoef = 0.7
        config.clipCoef = 0.2
        return try PPOAgent(config: config, observationSize: 4, actionSize: 2, taskCount: 3)
    }

    /// Fills a grouped minibatch with seeded data; old log-probs are spread so that some
    /// ratios fall outside the clip range and both surrogate branches are exercised.
    static func fill(_ minibatch: Minibatch, agent: PPOAgent, tasks: [Int32], seed: UInt64) throws {
        var generator = Xoshiro256(seed: seed)
        let tasksCopy = tasks
        try tasksCopy.withUnsafeBufferPointer { try minibatch.grouping.group(tasks: $0.baseAddress!, count: tasks.count) }
        for k in 0..<tasks.count {
            minibatch.tasks[k] = tasks[k]
            for i in 0..<4 { minibatch.observations[k, i] = Float(generator.nextGaussian()) }
            for j in 0..<2 { minibatch.actions[k, j] = Float(generator.nextGaussian()) }
            minibatch.advantages.pointer[k] = Float(generator.nextGaussian())
            minibatch.returns.pointer[k] = Float(generator.nextGaussian())
        }
        guard !tasks.isEmpty else { return }
        agent.policy.forward(observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: agent.policyTraining)
        for k in 0..<tasks.count {
            let current = gaussianLogProbability(
                action: minibatch.actions.row(k), mean: agent.policyTraining.mean.row(k),
                logStd: agent.policyTraining.logStd.row(k), count: 2)
            minibatch.oldLogProbs.pointer[k] = current + Float(0.3 * generator.nextGaussian())
        }
    }

    /// The PPO loss in Float64 from the reference networks.
    static func referenceLoss(_ weights: NetworkReference.Weights, agent: PPOAgent, minibatch: Minibatch, tasks: [Int32]) -> Double {
        let rows = tasks.count, taskIds = tasks.map(Int.init)
        let x = (0..<rows).map { k in (0..<4).map { Double(minibatch.observations[k, $0]) } }
        let (mean, logStd) = NetworkReference.policy(x, tasks: taskIds, weights, agent.policy)
        let values = NetworkReference.value(x, tasks: taskIds, weights, agent.critic)
        let c = agent.config.clipCoef
        var pg = 0.0, ent = 0.0, v = 0.0
        for k in 0..<rows {
            var logProb = 0.0
            for j in 0..<2 {
                let z = (Double(minibatch.actions[k, j]) - mean[k][j]) / exp(logStd[k][j])
                logProb += -0.5 * z * z - logStd[k][j] - 0.5 * log(2 * Double.pi)
                ent += 0.5 + 0.5 * log(2 * Double.pi) + logStd[k][j]
            }
            let ratio = exp(logProb - Double(minibatch.oldLogProbs.pointer[k]))
            let advantage = Double(minibatch.advantages.pointer[k])
            pg += max(-advantage * ratio, -advantage * min(max(ratio, 1 - c), 1 + c))
            let error = values[k] - Double(minibatch.returns.pointer[k])
            v += 0.5 * error * error
        }
        let n = Double(rows)
        return pg / n - agent.config.entCoef * ent / n + agent.config.vfCoef * v / n
    }

    @Test(arguments: LogStdMode.allCases)
    func wholeLossPassesGradientCheck(mode: LogStdMode) throws {
        let agent = try Self.makeAgent(mode: mode)
        let owner = ActorCritic(agent)
        var generator = Xoshiro256(seed: 41)
        for parameter in owner.parameters {
            for index in 0..<parameter.count { parameter.value.pointer[index] = Float(0.4 * generator.nextGaussian()) }
        }
        let tasks: [Int32] = [0, 0, 0, 0, 2, 2, 2, 2, 2, 2]   // task 1 absent
        let minibatch = agent.minibatch
        try Self.fill(minibatch, agent: agent, tasks: tasks, seed: 42)
        let terms = agent.computeLossAndGradients(minibatch)
        let reference = Self.referenceLoss(NetworkReference.weights(of: owner), agent: agent, minibatch: minibatch, tasks: tasks)
        #expect(abs(terms.loss - reference) < 1e-4 * max(1, abs(reference)))
        #expect(terms.clipFraction > 0 && terms.clipFraction < 1, "both surrogate branches must be exercised")
        let check = NetworkReference.gradientCheck(owner) { weights in
            Self.referenceLoss(weights, agent: agent, minibatch: minibatch, tasks: tasks)
        }
        #expect(check.passed, "\(check.worst)")
        #expect(check.checked == agent.parameterCount)
    }

    @Test func entropyOfStateIndependentPolicyIsAnalytic() throws {
        let agent = try Self.makeAgent(mode: .stateIndependent)
        agent.policy.logStd!.value.fill(-0.5)
        let tasks: [Int32] = [0, 1, 2, 0, 1, 2, 0, 1, 2, 0]
        try Self.fill(agent.minibatch, agent: agent, tasks: tasks, seed: 43)
        let terms = agent.computeLossAndGradients(agent.minibatch)
        let expected = 2 * (0.5 + 0.5 * log(2 * Double.pi) - 0.5)
        #expect(abs(terms.entropy - expected) < 1e-5)
    }

    @Test func emptyMinibatchGivesZeroTermsAndGradients() throws {
        let agent = try Self.makeAgent(mode: .stateIndependent)
        let tasks: [Int32] = []
        try Self.fill(agent.minibatch, agent: agent, tasks: tasks, seed: 44)
        let terms = agent.computeLossAndGradients(agent.minibatch)
        #expect(terms == PPOLossTerms())
        #expect(agent.optimizer.gradientNorm() == 0)
    }
}

@Suite struct ConcurrentActorCriticTests {
    @Test func concurrentPassesGiveIdenticalGradients() throws {
        let sequential = try PPOLossTests.makeAgent(mode: .stateDependent)
        let concurrent = try PPOLossTests.makeAgent(mode: .stateDependent)
        concurrent.concurrentActorCritic = true
        let tasks: [Int32] = [0, 0, 1, 1, 1, 2, 2, 2, 2, 2]
        try PPOLossTests.fill(sequential.minibatch, agent: sequential, tasks: tasks, seed: 61)
        try PPOLossTests.fill(concurrent.minibatch, agent: concurrent, tasks: tasks, seed: 61)
        let a = sequential.computeLossAndGradients(sequential.minibatch)
        let b = concurrent.computeLossAndGradients(concurrent.minibatch)
        #expect(a == b)
        #expect(zip(sequential.optimizer.parameters, concurrent.optimizer.parameters).allSatisfy { $0.gradient.values == $1.gradient.values })
        #expect(sequential.optimizer.gradientNorm() > 0)
    }
}
