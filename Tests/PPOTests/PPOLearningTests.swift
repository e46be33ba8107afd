import Testing
import Networks
import PPO

/// PPO must actually learn: from a fixed seed, the point-mass tasks' mean episode return rises
/// from a random policy's level to near the optimum within a fixed budget.
@Suite struct PPOLearningTests {
    static func config(logStdMode: LogStdMode) -> PPOConfig {
        var config = PPOConfig()
        config.numEnvs = 6
        config.numSteps = 125
        config.updateEpochs = 4
        config.numMinibatches = 5
        config.learningRate = 3e-3
        config.hiddenSizes = [32, 32]
        config.logStdMode = logStdMode
        config.entCoef = 0
        config.seed = 7
        return config
    }

    @Test(arguments: LogStdMode.allCases)
    func learnsPointMassTasks(logStdMode: LogStdMode) throws {
        let config = Self.config(logStdMode: logStdMode)
        let agent = try PPOAgent(config: config, observationSize: PointMassTasks.observationSize,
                                 actionSize: PointMassTasks.actionSize, taskCount: PointMassTasks.taskCount)
        let buffer = try agent.makeRolloutBuffer()
        var tasks = PointMassTasks(numEnvs: config.numEnvs, seed: 99)
        var nextDones = [Float](repeating: 0, count: config.numEnvs)
        var returns: [Float] = []
        for _ in 0..<40 {
            returns.append(try tasks.collect(agent: agent, buffer: buffer, nextDones: &nextDones))
            let stats = try agent.update(buffer)
            #expect(stats.minibatchUpdates > 0)
            #expect(stats.policyLoss.isFinite && stats.valueLoss.isFinite)
        }
        let initial = returns[0], final = (returns[returns.count - 1] + returns[returns.count - 2]) / 2
        print("point mass \(logStdMode): return \(initial) -> \(final)")
        #expect(initial < -15, "a random policy should score far below the optimum")
        #expect(final > -8, "return after 40 iterations: \(returns)")
        #expect(final > initial + 8)
    }
}
