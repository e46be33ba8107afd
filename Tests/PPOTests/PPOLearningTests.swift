import Testing
import Networks
import PPO

/// PPO must actually learn: the point-mass tasks' mean episode return rises from a random
/// policy's level to near the optimum within a fixed budget, and every task's head steers to its
/// own goal.
///
/// A learning curve depends on the BLAS kernel (its summation order moves the whole trajectory),
/// so one seed's outcome is not a verdict. Each claim is asserted on the median of five seeds:
/// a seed that settles in a poor local optimum (the policy pushing past the goal into the wall,
/// 0.2 from it) is outvoted, while a learner that does not learn fails every seed.
@Suite struct PPOLearningTests {
    static let seeds: [UInt64] = [7, 8, 9, 10, 11]
    static let iterations = 40

    static func config(logStdMode: LogStdMode, seed: UInt64 = 7) -> PPOConfig {
        var config = PPOConfig()
        config.numEnvs = 6
        config.numSteps = 125
        config.updateEpochs = 4
        config.numMinibatches = 5
        config.learningRate = 3e-3
        config.hiddenSizes = [32, 32]
        config.logStdMode = logStdMode
        config.entCoef = 0
        config.seed = seed
        return config
    }

    /// What one seed's training achieved: the first and final rollout's mean return, and how far
    /// each task's deterministic policy, started at the origin, ends from that task's goal.
    struct Outcome {
        var initialReturn: Float
        var finalReturn: Float
        var goalDistances: [Float]
    }

    static func train(logStdMode: LogStdMode, seed: UInt64) throws -> Outcome {
        let config = Self.config(logStdMode: logStdMode, seed: seed)
        let agent = try PPOAgent(config: config, observationSize: PointMassTasks.observationSize,
                                 actionSize: PointMassTasks.actionSize, taskCount: PointMassTasks.taskCount)
        let buffer = try agent.makeRolloutBuffer()
        var tasks = PointMassTasks(numEnvs: config.numEnvs, seed: 92 + seed)
        var nextDones = [Float](repeating: 0, count: config.numEnvs)
        var returns: [Float] = []
        for _ in 0..<iterations {
            returns.append(try tasks.collect(agent: agent, buffer: buffer, nextDones: &nextDones))
            let stats = try agent.update(buffer)
            #expect(stats.minibatchUpdates > 0)
            #expect(stats.policyLoss.isFinite && stats.valueLoss.isFinite)
        }
        var distances: [Float] = []
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
            distances.append((offset * offset).sum().squareRoot())
        }
        return Outcome(initialReturn: returns[0], finalReturn: (returns[returns.count - 1] + returns[returns.count - 2]) / 2,
                       goalDistances: distances)
    }

    static func median(_ values: [Float]) -> Float {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    @Test(arguments: LogStdMode.allCases)
    func learnsPointMassTasks(logStdMode: LogStdMode) throws {
        let outcomes = try Self.seeds.map { try Self.train(logStdMode: logStdMode, seed: $0) }
        for (seed, outcome) in zip(Self.seeds, outcomes) {
            print("point mass \(logStdMode) seed \(seed): return \(outcome.initialReturn) -> \(outcome.finalReturn), goal distances \(outcome.goalDistances)")
        }
        let initial = Self.median(outcomes.map(\.initialReturn)), final = Self.median(outcomes.map(\.finalReturn))
        // Measured over eight seeds on three OpenBLAS kernels: a random policy scores -22 to -25,
        // the trained one -4 to -5.3.
        #expect(initial < -15, "a random policy should score far below the optimum")
        #expect(final > -8, "median return after \(Self.iterations) iterations: \(outcomes.map(\.finalReturn))")
        #expect(final > initial + 8)

        // Every task's head learned its own goal (the goals are 0.8 to 1 apart): the median
        // seed's policy ends within 0.25 of it. Two optima of nearly equal return lie there: at
        // the goal (measured under 0.09) and, for task 2 (goal y = -0.8), pushed into the wall at
        // y = -1, exactly 0.2 away. Which one a seed finds moves with the BLAS kernel, and with the
        // default learner (per-task advantages, separate optimisers) up to two seeds in five
        // find the wall; a head that steers toward another task's goal ends 0.6 or more away.
        for task in 0..<PointMassTasks.taskCount {
            let distances = outcomes.map { $0.goalDistances[task] }
            #expect(Self.median(distances) < 0.25, "task \(task) ends \(distances) from its goal")
        }
    }
}
