import RandomStreams

/// The task sampler the trainer uses: draws a task at every episode reset, observes every
/// finished training episode and the learner's per-task statistics, and updates its
/// distribution once per training iteration by the rule `config.kind` names.
/// The whole sampler (config and state) is a value: saving it after any call and restoring
/// it continues exactly.
public struct TaskSampler: Equatable, Sendable {
    public let config: SamplerConfig
    public internal(set) var state: TaskSamplerState

    /// A fresh sampler over `taskCount` tasks: q = p0 = uniform (every kind, Hard First too, until
    /// the first update), every target at maxReturn.
    public init(config: SamplerConfig, taskCount: Int, seed: UInt64) throws(SamplerError) {
        let problems = config.validate(taskCount: taskCount)
        guard problems.isEmpty else { throw .invalidConfig(problems) }
        self.config = config
        var hardFirst: HardFirstSchedule? = nil
        if config.kind == .hardFirst {
            // Its own stream, so the draw of the first active set leaves the task draws alone.
            var draw = Xoshiro256(seed: seed ^ SplitMix64.hash("hard-first first active set"))
            hardFirst = HardFirstSchedule(taskCount: taskCount, config: config, random: &draw)
        }
        state = TaskSamplerState(
            probabilities: MirrorAscent.uniform(taskCount),
            tasks: [TaskRecord](repeating: TaskRecord(), count: taskCount),
            scores: [Double](repeating: 0, count: taskCount),
            meanAbsoluteAdvantage: [Double](repeating: 0, count: taskCount),
            hardFirst: hardFirst,
            random: Xoshiro256(seed: seed),
            updateCount: 0,
            openWindowAdvantageSum: [Double](repeating: 0, count: taskCount),
            openWindowAdvantageSteps: [Int](repeating: 0, count: taskCount))
    }

    /// A sampler continuing from saved state; refuses state that does not fit the config.
    public init(config: SamplerConfig, restoring state: TaskSamplerState) throws(SamplerError) {
        let taskCount = state.probabilities.count
        let problems = config.validate(taskCount: taskCount)
        guard problems.isEmpty else { throw .invalidConfig(problems) }
        if let detail = Self.inconsistency(of: state, config: config) { throw .inconsistentState(detail) }
        self.config = config
        self.state = state
    }

    public var taskCount: Int { state.probabilities.count }
    /// q, the current sampling distribution.
    public var probabilities: [Double] { state.probabilities }
    /// eps, the least probability of every task.
    public var floor: Double { config.resolvedFloor(taskCount: taskCount) }

    /// Draws the task for one episode reset from q (inverse CDF on one uniform draw).
    public mutating func sampleTask() -> Int {
        let u = state.random.nextUnitInterval()
        var cumulative = 0.0
        var lastPositive = 0
        for (task, p) in state.probabilities.enumerated() where p > 0 {
            cumulative += p
            lastPositive = task
            if u < cumulative { return task }
        }
        return lastPositive  // u fell in the rounding gap between the cumulative sum and 1
    }

    /// Records one finished training episode. `success` is true when the success flag was 1 at
    /// any step of the episode.
    public mutating func observeEpisode(task: Int, return episodeReturn: Double, success: Bool) throws(SamplerError) {
        guard state.tasks.indices.contains(task) else { throw .taskOutOfRange(task: task, taskCount: taskCount) }
        guard episodeReturn.isFinite else { throw .nonFiniteReturn(task: task, value: episodeReturn) }
        state.tasks[task].record(
            episodeReturn: episodeReturn, success: success,
            successWindowEpisodes: config.successWindowEpisodes,
            switchSuccessRate: config.targetSwitchSuccessRate)
    }

    /// Records the learner's per-task statistics of the last PPO rollout: mean |advantage| of
    /// each task's samples (NaN, e.g. for a task without samples, counts as 0) and the
    /// environment steps spent on each task. Both add to the open window.
    public mutating func observeLearnerStatistics(meanAbsoluteAdvantage: [Double], stepsPerTask: [Int]) throws(SamplerError) {
        guard meanAbsoluteAdvantage.count == taskCount else {
            throw .statisticsCountMismatch(name: "meanAbsoluteAdvantage", count: meanAbsoluteAdvantage.count, taskCount: taskCount)
        }
        guard stepsPerTask.count == taskCount else {
            throw .statisticsCountMismatch(name: "stepsPerTask", count: stepsPerTask.count, taskCount: taskCount)
        }
        if let task = stepsPerTask.firstIndex(where: { $0 < 0 }) { throw .negativeSteps(task: task, steps: stepsPerTask[task]) }
        for task in 0..<taskCount where stepsPerTask[task] > 0 {
            state.openWindowAdvantageSum[task] += MirrorAscent.sanitizedScore(abs(meanAbsoluteAdvantage[task])) * Double(stepsPerTask[task])
            state.openWindowAdvantageSteps[task] += stepsPerTask[task]
        }
        state.stepsSinceUpdate += stepsPerTask.reduce(0, +)
        state.hardFirst?.recordSteps(stepsPerTask)
    }

    /// At the end of every PPO rollout: updates q (`update()`) once the open window holds
    /// `config.updateEveryEnvSteps` environment steps. Returns whether it did.
    @discardableResult
    public mutating func updateIfWindowIsFull() -> Bool {
        guard state.stepsSinceUpdate >= config.updateEveryEnvSteps else { return false }
        update()
        return true
    }

    /// Closes every task's window and computes the next q, whatever the window holds.
    /// Returns the per-task figures of this update (the same as `metrics()` afterwards).
    @discardableResult
    public mutating func update() -> [SamplerTaskMetrics] {
        for task in state.tasks.indices { state.tasks[task].closeWindow() }
        for task in 0..<taskCount {
            let steps = state.openWindowAdvantageSteps[task]
            state.meanAbsoluteAdvantage[task] = steps > 0 ? state.openWindowAdvantageSum[task] / Double(steps) : 0
            state.openWindowAdvantageSum[task] = 0
            state.openWindowAdvantageSteps[task] = 0
        }
        state.stepsSinceUpdate = 0
        switch config.kind {
        case .uniform: updateUniform()
        case .drats: updateDRATS()
        case .learningProgress: updateLearningProgress()
        case .learningPotential: updateLearningPotential()
        case .hardFirst: updateHardFirst()
        }
        state.updateCount += 1
        return metrics()
    }

    /// Each task's figures as of the last update.
    public func metrics() -> [SamplerTaskMetrics] {
        state.tasks.indices.map { task in
            let record = state.tasks[task]
            return SamplerTaskMetrics(
                task: task,
                probability: state.probabilities[task],
                score: state.scores[task],
                target: record.target(maxReturn: config.maxReturn),
                windowMeanReturn: record.windowMeanReturn,
                windowEpisodeCount: record.windowEpisodeCount,
                successRate: record.successRate ?? 0,
                hardFirstPool: state.hardFirst?.pools[task])
        }
    }
}
