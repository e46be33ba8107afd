import Networks
import Testing
import PPO

@Suite struct RolloutBufferTests {
    /// GAE against the textbook definition, computed per environment in Float64: the advantage
    /// is the lambda-discounted sum of TD errors that stops at the end of an episode.
    @Test func advantagesMatchDefinition() throws {
        let steps = 6, envs = 2, gamma = 0.9, lambda = 0.8
        let buffer = try RolloutBuffer(numSteps: steps, numEnvs: envs, observationSize: 1, actionSize: 1)
        let rewards: [[Double]] = [[1, 0, 2, -1, 0.5, 1], [0, 0, 1, 1, 0, 3]]
        let values: [[Double]] = [[0.5, 0.2, -0.1, 0.3, 0.0, 0.7], [1, 0.5, 0.25, 0, -0.5, 0.1]]
        // dones[t] = 1 means observation t starts a new episode.
        let dones: [[Double]] = [[0, 0, 0, 1, 0, 0], [0, 1, 0, 0, 0, 1]]
        let nextValues: [Float] = [0.4, -0.2], nextDones: [Float] = [0, 1]
        for t in 0..<steps {
            for e in 0..<envs {
                let row = buffer.index(step: t, env: e)
                buffer.rewards.pointer[row] = Float(rewards[e][t])
                buffer.values.pointer[row] = Float(values[e][t])
                buffer.dones.pointer[row] = Float(dones[e][t])
            }
        }
        buffer.computeAdvantages(nextValues: nextValues, nextDones: nextDones, gamma: gamma, gaeLambda: lambda)
        for e in 0..<envs {
            for t in 0..<steps {
                var advantage = 0.0, weight = 1.0
                var k = t
                while true {
                    let lastStep = k == steps - 1
                    let nextTerminal = lastStep ? Double(nextDones[e]) : dones[e][k + 1]
                    let nextValue = lastStep ? Double(nextValues[e]) : values[e][k + 1]
                    let delta = rewards[e][k] + gamma * nextValue * (1 - nextTerminal) - values[e][k]
                    advantage += weight * delta
                    if lastStep || nextTerminal == 1 { break }
                    weight *= gamma * lambda
                    k += 1
                }
                let row = buffer.index(step: t, env: e)
                #expect(abs(Double(buffer.advantages.pointer[row]) - advantage) < 1e-5)
                #expect(abs(Double(buffer.returns.pointer[row]) - (advantage + values[e][t])) < 1e-5)
            }
        }
    }

    @Test func rejectsEmptySizes() {
        #expect(throws: PPOError.self) { try RolloutBuffer(numSteps: 0, numEnvs: 1, observationSize: 1, actionSize: 1) }
    }
}
