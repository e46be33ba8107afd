// The per-sampler update rules (docs/samplers.md, 'The update' and 'The baselines'). Each runs
// after the windows are closed.
extension TaskSampler {
    /// Uniform: q stays p0. Its score is the DRATS gap, so runs can be compared on it.
    mutating func updateUniform() {
        state.scores = gaps()
        state.probabilities = MirrorAscent.uniform(taskCount)
    }

    /// DRATS: mirror ascent on the return gap, then the KL projection onto the floor.
    mutating func updateDRATS() {
        state.scores = gaps()
        state.probabilities = MirrorAscent.projectOntoFloor(mirrorStep(scores: state.scores), floor: floor)
    }

    /// Learning Progress: |window mean return change|, normalised; tasks whose success rate over
    /// a full window exceeds the mastered rate get 0 before the floor; uniform if every task
    /// would get 0.
    mutating func updateLearningProgress() {
        let progress = state.tasks.map { abs($0.windowMeanReturn - $0.previousWindowMeanReturn) }
        state.scores = normalised(progress)
        var q = mirrorStep(scores: state.scores)
        for (task, record) in state.tasks.enumerated() where (record.fullWindowSuccessRate(successWindowEpisodes: config.successWindowEpisodes) ?? 0) > config.masteredSuccessRate {
            q[task] = 0
        }
        state.probabilities = q.contains(where: { $0 > 0 })
            ? MirrorAscent.projectOntoFloor(q, floor: floor)
            : MirrorAscent.uniform(taskCount)
    }

    /// Learning Potential: the latest mean |advantage| per task, normalised like Learning Progress.
    mutating func updateLearningPotential() {
        state.scores = normalised(state.meanAbsoluteAdvantage)
        state.probabilities = MirrorAscent.projectOntoFloor(mirrorStep(scores: state.scores), floor: floor)
    }

    /// Hard First: the schedule moves tasks between pools on the mean returns of the window just
    /// closed, 0 for a task that finished no episode in it (the authors' rule: an active task
    /// with no finished episode looks hardest, a main-pool one is activated first).
    mutating func updateHardFirst() {
        let returns = state.tasks.map(\.windowMeanReturn)
        state.scores = returns
        guard var schedule = state.hardFirst else { return }
        schedule.update(returns: returns, config: config)
        state.hardFirst = schedule
        state.probabilities = schedule.probabilities(floor: floor)
    }

    private func gaps() -> [Double] {
        state.tasks.map { $0.gap(maxReturn: config.maxReturn) }
    }

    private func mirrorStep(scores: [Double]) -> [Double] {
        MirrorAscent.step(
            probabilities: state.probabilities, prior: MirrorAscent.uniform(taskCount), scores: scores,
            inverseTemperature: config.inverseTemperature, stepSize: config.stepSize)
    }

    /// score_i / (max_j score_j + offset), the baselines' normalisation.
    private func normalised(_ raw: [Double]) -> [Double] {
        let clean = raw.map(MirrorAscent.sanitizedScore)
        let largest = clean.max() ?? 0
        return clean.map { $0 / (largest + config.scoreNormalisationOffset) }
    }

    static func inconsistency(of state: TaskSamplerState, config: SamplerConfig) -> String? {
        let count = state.probabilities.count
        if count == 0 { return "the state has no tasks" }
        if state.tasks.count != count || state.scores.count != count || state.meanAbsoluteAdvantage.count != count {
            return "per-task arrays have different lengths (probabilities \(count), tasks \(state.tasks.count), "
                + "scores \(state.scores.count), meanAbsoluteAdvantage \(state.meanAbsoluteAdvantage.count))"
        }
        if state.probabilities.contains(where: { !$0.isFinite || $0 < 0 }) { return "a probability is negative or not finite" }
        let total = state.probabilities.reduce(0, +)
        if abs(total - 1) > 1e-9 { return "probabilities sum to \(total), not 1" }
        if (state.scores + state.meanAbsoluteAdvantage).contains(where: { !$0.isFinite }) { return "a score is not finite" }
        if state.updateCount < 0 { return "negative update count" }
        if state.stepsSinceUpdate < 0 || state.openWindowAdvantageSteps.contains(where: { $0 < 0 }) { return "negative window step count" }
        if state.openWindowAdvantageSum.count != count || state.openWindowAdvantageSteps.count != count {
            return "the open window covers \(state.openWindowAdvantageSum.count) tasks, expected \(count)"
        }
        if state.openWindowAdvantageSum.contains(where: { !$0.isFinite }) { return "a window advantage sum is not finite" }
        for (task, record) in state.tasks.enumerated() {
            if let detail = record.inconsistency(successWindowEpisodes: config.successWindowEpisodes) {
                return "task \(task): \(detail)"
            }
        }
        switch (config.kind, state.hardFirst) {
        case (.hardFirst, nil): return "kind hard-first needs a Hard First schedule, the state has none"
        case (.hardFirst, let schedule?): return schedule.inconsistency(taskCount: count)
        case (_, .some): return "kind \(config.kind.rawValue) has no Hard First schedule, the state has one"
        case (_, nil): return nil
        }
    }
}
