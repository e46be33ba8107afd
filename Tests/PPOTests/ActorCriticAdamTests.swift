import Testing
import Networks
@testable import PPO

/// Separate optimisers: each network has its own Adam and its own gradient-norm clip, so the
/// critic's gradient, however large, does not change the actor's step; with one joint clip it
/// shrinks it.
@Suite struct ActorCriticAdamTests {
    static func agent(_ optimizers: ActorCriticOptimizers) throws -> PPOAgent {
        var config = PPOConfig()
        config.numEnvs = 2
        config.numSteps = 10
        config.numMinibatches = 2
        config.hiddenSizes = [6, 5]
        config.optimizers = optimizers
        return try PPOAgent(config: config, observationSize: 4, actionSize: 2, taskCount: 3)
    }

    /// The actor's parameters after one minibatch step on seeded data whose returns are scaled
    /// by `returnScale` (a huge scale gives the critic a huge gradient), with the step's norms.
    static func actorAfterOneStep(_ optimizers: ActorCriticOptimizers, returnScale: Float) throws -> ([Float], GradientNorms) {
        let agent = try Self.agent(optimizers)
        let tasks: [Int32] = [0, 0, 1, 1, 1, 2, 2, 2, 2, 2]
        try PPOLossTests.fill(agent.minibatch, agent: agent, tasks: tasks, seed: 91)
        for k in 0..<tasks.count { agent.minibatch.returns.pointer[k] *= returnScale }
        _ = agent.computeLossAndGradients(agent.minibatch)
        let norms = agent.optimizer.clipGradients(maxNorm: agent.config.maxGradNorm)
        agent.optimizer.step()
        return (agent.policy.parameters.flatMap(\.value.values), norms)
    }

    @Test func aHugeCriticGradientDoesNotShrinkTheActorsStep() throws {
        let initial = try Self.agent(.separate).policy.parameters.flatMap(\.value.values)
        func stepSize(_ after: [Float]) -> Double {
            zip(after, initial).reduce(0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }.squareRoot()
        }
        let (separateSmall, normsSmall) = try Self.actorAfterOneStep(.separate, returnScale: 1)
        let (separateHuge, normsHuge) = try Self.actorAfterOneStep(.separate, returnScale: 1e6)
        #expect(normsHuge.critic > 1e4 * normsSmall.critic && normsHuge.actor == normsSmall.actor)
        // Same process, same data but the returns: the actor's step is the same to the bit.
        #expect(separateHuge == separateSmall)
        #expect(stepSize(separateSmall) > 0)

        // With one joint clip the critic's huge norm sets the scale: the actor's share of the
        // clipped gradient is almost nothing.
        let joint = try Self.agent(.joint)
        let tasks: [Int32] = [0, 0, 1, 1, 1, 2, 2, 2, 2, 2]
        try PPOLossTests.fill(joint.minibatch, agent: joint, tasks: tasks, seed: 91)
        for k in 0..<tasks.count { joint.minibatch.returns.pointer[k] *= 1e6 }
        _ = joint.computeLossAndGradients(joint.minibatch)
        let jointNorms = joint.optimizer.clipGradients(maxNorm: joint.config.maxGradNorm)
        let clippedActor = Adam.gradientNorm(of: joint.policy.parameters)
        #expect(abs(jointNorms.actor - normsHuge.actor) <= 1e-9 * normsHuge.actor)
        #expect(clippedActor < 1e-4 * min(jointNorms.actor, joint.config.maxGradNorm), "joint: the actor's gradient is clipped to almost nothing")
        #expect(abs(jointNorms.total - (jointNorms.actor * jointNorms.actor + jointNorms.critic * jointNorms.critic).squareRoot()) < 1e-6 * jointNorms.total)
    }

    @Test func separateAdamsOwnTheirNetworksAndStepTogether() throws {
        let separate = try Self.agent(.separate)
        #expect(separate.optimizer.adams.count == 2)
        #expect(separate.optimizer.adams[0].parameters.map(\.name) == separate.policy.parameters.map(\.name))
        #expect(separate.optimizer.adams[1].parameters.map(\.name) == separate.critic.parameters.map(\.name))
        #expect(separate.optimizer.stepKeys == ["actor_adam_step", "critic_adam_step"])
        let joint = try Self.agent(.joint)
        #expect(joint.optimizer.adams.count == 1)
        #expect(joint.optimizer.adams[0].parameters.map(\.name) == (joint.policy.parameters + joint.critic.parameters).map(\.name))
        #expect(joint.optimizer.stepKeys == ["adam_step"])

        let agent = try PPOAgentTests.makeAgent(seed: 5)
        let buffer = try PPOAgentTests.randomRollout(agent, seed: 6)
        let stats = try agent.update(buffer)
        #expect(agent.optimizer.steps == [stats.minibatchUpdates, stats.minibatchUpdates])
        #expect(stats.actorGradNorm > 0 && stats.criticGradNorm > 0)
        #expect(stats.metrics["losses/actor_grad_norm"] == stats.actorGradNorm)
        #expect(stats.metrics["losses/critic_grad_norm"] == stats.criticGradNorm)
    }
}
