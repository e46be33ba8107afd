import Samplers
import RandomStreams

/// A deterministic stand-in for a training run (test support, not a mock of a sampler): tasks
/// of increasing difficulty whose returns in [0, 1] grow with the iteration, episodes drawn
/// from the sampler under test, and per-task learner statistics derived from those episodes.
struct ScriptedTraining {
    var random: Xoshiro256
    let taskCount: Int
    var iteration = 0

    init(seed: UInt64, taskCount: Int) {
        random = Xoshiro256(seed: seed)
        self.taskCount = taskCount
    }

    /// The kinds of call the trainer makes, in the order it makes them in one iteration.
    enum Call: Equatable { case sample(Int), episode, statistics, update }

    /// Runs one iteration of `episodes` episodes against `sampler` and returns every call made
    /// with its outcome, so two runs can be compared call by call. `afterEachCall` runs after
    /// every sampler call (a checkpoint round trip, say).
    mutating func iterate(
        _ sampler: inout TaskSampler, episodes: Int = 12, stepsPerEpisode: Int = 15,
        afterEachCall: (inout TaskSampler) throws -> Void = { _ in }
    ) throws -> [Call] {
        var calls: [Call] = []
        var steps = [Int](repeating: 0, count: taskCount)
        var advantage = [Double](repeating: 0, count: taskCount)
        for _ in 0..<episodes {
            let task = sampler.sampleTask()
            calls.append(.sample(task))
            try afterEachCall(&sampler)
            let difficulty = Double(task + 1)
            let skill = min(1, Double(iteration) / (4 * difficulty))
            let episodeReturn = min(1, max(0, skill + 0.2 * (random.nextUnitInterval() - 0.5)))
            try sampler.observeEpisode(task: task, return: episodeReturn, success: episodeReturn > 0.7)
            calls.append(.episode)
            try afterEachCall(&sampler)
            steps[task] += stepsPerEpisode
            advantage[task] += (1 - skill) * random.nextUnitInterval()
        }
        try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: advantage, stepsPerTask: steps)
        calls.append(.statistics)
        try afterEachCall(&sampler)
        sampler.update()
        calls.append(.update)
        try afterEachCall(&sampler)
        iteration += 1
        return calls
    }
}

/// A config of `kind` scaled to the scripted returns in [0, 1].
func scriptedConfig(_ kind: SamplerKind) -> SamplerConfig {
    var config = SamplerConfig()
    config.kind = kind
    config.maxReturn = 1
    config.hardFirstActiveTasks = 2
    config.hardFirstLowReturn = 0.3
    config.hardFirstHighReturn = 0.8
    config.totalStepBudget = 4000
    return config
}
