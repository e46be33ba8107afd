import Networks
import PPO
import RandomStreams

/// A small multi-task continuous-control problem for the learning test: a point in [-1, 1]^2
/// moved by 2-d velocity actions toward a goal that depends on the task. The goal is not in the
/// observation (only the one-hot task id is), so the policy must use the task's head.
struct PointMassTasks {
    static let goals: [SIMD2<Float>] = [SIMD2(0.7, 0.7), SIMD2(-0.7, 0.5), SIMD2(0, -0.8)]
    static let taskCount = goals.count
    static let observationSize = 2 + taskCount
    static let actionSize = 2
    static let episodeLength = 25
    static let stepSize: Float = 0.1

    let numEnvs: Int
    var positions: [SIMD2<Float>]
    var tasks: [Int32]
    var stepInEpisode: [Int]
    var episodeReturns: [Float]
    var finishedReturns: [Float] = []
    var generator: Xoshiro256

    init(numEnvs: Int, seed: UInt64) {
        self.numEnvs = numEnvs
        positions = Array(repeating: .zero, count: numEnvs)
        tasks = (0..<numEnvs).map { Int32($0 % PointMassTasks.taskCount) }
        stepInEpisode = Array(repeating: 0, count: numEnvs)
        episodeReturns = Array(repeating: 0, count: numEnvs)
        generator = Xoshiro256(seed: seed)
        for env in 0..<numEnvs { reset(env) }
    }

    mutating func reset(_ env: Int) {
        positions[env] = SIMD2(Float(generator.nextUnitInterval() * 0.6 - 0.3), Float(generator.nextUnitInterval() * 0.6 - 0.3))
        stepInEpisode[env] = 0
        episodeReturns[env] = 0
    }

    func writeObservation(_ env: Int, into row: UnsafeMutablePointer<Float>) {
        row[0] = positions[env].x
        row[1] = positions[env].y
        for task in 0..<PointMassTasks.taskCount { row[2 + task] = task == Int(tasks[env]) ? 1 : 0 }
    }

    /// Applies `action` (clipped to [-1, 1]) and returns (reward, episode ended).
    mutating func step(_ env: Int, action: UnsafePointer<Float>) -> (reward: Float, done: Bool) {
        let move = SIMD2(min(max(action[0], -1), 1), min(max(action[1], -1), 1)) * PointMassTasks.stepSize
        positions[env] = simd_clamp(positions[env] + move, -1, 1)
        let offset = positions[env] - PointMassTasks.goals[Int(tasks[env])]
        let reward = -(offset * offset).sum().squareRoot()
        episodeReturns[env] += reward
        stepInEpisode[env] += 1
        if stepInEpisode[env] == PointMassTasks.episodeLength {
            finishedReturns.append(episodeReturns[env])
            reset(env)
            return (reward, true)
        }
        return (reward, false)
    }

    /// Collects one rollout into `buffer` (CleanRL's loop) and computes advantages.
    /// Returns the mean return of the episodes that finished during it.
    mutating func collect(agent: PPOAgent, buffer: RolloutBuffer, nextDones: inout [Float]) throws -> Float {
        finishedReturns.removeAll(keepingCapacity: true)
        let observations = Matrix(rows: numEnvs, columns: PointMassTasks.observationSize)
        for step in 0..<buffer.numSteps {
            for env in 0..<numEnvs { writeObservation(env, into: observations.row(env)) }
            let first = buffer.index(step: step, env: 0)
            buffer.observations.row(first).update(from: observations.pointer, count: observations.count)
            for env in 0..<numEnvs {
                buffer.dones.pointer[first + env] = nextDones[env]
                buffer.tasks[first + env] = tasks[env]
            }
            try tasks.withUnsafeBufferPointer { taskIds in
                try agent.act(
                    observations: observations.pointer, tasks: taskIds.baseAddress!, count: numEnvs,
                    actions: buffer.actions.row(first), logProbs: buffer.logProbs.pointer + first,
                    values: buffer.values.pointer + first)
            }
            for env in 0..<numEnvs {
                let (reward, done) = self.step(env, action: buffer.actions.row(first + env))
                buffer.rewards.pointer[first + env] = reward
                nextDones[env] = done ? 1 : 0
            }
        }
        for env in 0..<numEnvs { writeObservation(env, into: observations.row(env)) }
        var nextValues = [Float](repeating: 0, count: numEnvs)
        try tasks.withUnsafeBufferPointer { taskIds in
            try agent.values(observations: observations.pointer, tasks: taskIds.baseAddress!, count: numEnvs, into: &nextValues)
        }
        buffer.computeAdvantages(nextValues: nextValues, nextDones: nextDones, gamma: agent.config.gamma, gaeLambda: agent.config.gaeLambda)
        return finishedReturns.isEmpty ? .nan : finishedReturns.reduce(0, +) / Float(finishedReturns.count)
    }
}

func simd_clamp(_ x: SIMD2<Float>, _ low: Float, _ high: Float) -> SIMD2<Float> {
    SIMD2(min(max(x.x, low), high), min(max(x.y, low), high))
}
