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

        // Every task's head learned its own goal: the deterministic policy, started at the
        // origin, ends near that task's goal (the goals are 0.8 to 1 apart).
        for task in 0..<PointMassTasks.taskCount {
            var position = SIMD2<Float>(0, 0)
            var observation = [Float](repeating: 0, count: PointMassTasks.observationSize)
            var action: [Float] = [0, 0], logProb: [Float] = [0], value: [Float] = [0]
            for _ in 0..<PointMassTasks.episodeLength {
                observation[0] = position.x
                observation[1] = position.y
                for t in 0..<PointMassTasks.taskCount { observation[2 + t] = t == task ? 1 : 0 }
                try agent.act(observations: observation, tasks: [Int32(task)], count: 1,
                              actions: &action, logProbs: &logProb, values: &value, deterministic: true)
                let move = SIMD2(min(max(action[0], -1), 1), min(max(action[1], -1), 1)) * PointMassTasks.stepSize
                position = simd_clamp(position + move, -1, 1)
            }
            let offset = position - PointMassTasks.goals[task]
            let distance = (offset * offset).sum().squareRoot()
            print("point mass \(logStdMode): task \(task) ends \(distance) from its goal")
            #expect(distance < 0.2, "task \(task) ends \(distance) from its goal")
        }
    }
}
