import PPO
extension Trainer {
    /// Deterministic evaluation (docs/evaluation.md, 'The deterministic evaluation'): the Gaussian
    /// mean as the action, success counted at an episode's first success and its return taken there
    /// (MetaWorld's evaluation ends the episode at that point); the episode then plays on until the
    /// slot ends it, for the full-length return that compares across runs.
    /// `config.evaluationEpisodesPerTask` episodes of every task, played by the evaluation slots in
    /// lockstep with one batched inference per step (the slots step on the worker threads). Episode
    /// `k` of a task starts with `resetForEvaluation(task:episode: k)`, whichever slot plays it.
    /// Training state (observations, episodes, sampler, the agent's random stream) is untouched, so
    /// evaluating does not change the training run.
    public func evaluate() throws(TrainerError) -> EvaluationResult {
        let episodes = config.evaluationEpisodesPerTask
        let jobCount = taskCount * episodes
        let slotCount = evaluationSlots.count
        let observations = UnsafeMutableBufferPointer<Float>.allocate(capacity: slotCount * observationSize)
        let tasks = UnsafeMutableBufferPointer<Int32>.allocate(capacity: slotCount)
        let heads = UnsafeMutableBufferPointer<Int32>.allocate(capacity: slotCount)
        let actions = UnsafeMutableBufferPointer<Float>.allocate(capacity: slotCount * actionSize)
        let scratch = UnsafeMutableBufferPointer<Float>.allocate(capacity: 2 * slotCount)
        let active = UnsafeMutableBufferPointer<Bool>.allocate(capacity: slotCount)
        active.initialize(repeating: false)
        observations.initialize(repeating: 0)
        tasks.initialize(repeating: 0)
        heads.initialize(repeating: 0)
        actions.initialize(repeating: 0)
        scratch.initialize(repeating: 0)
        defer {
            observations.deallocate(); tasks.deallocate(); heads.deallocate(); actions.deallocate(); scratch.deallocate(); active.deallocate()
        }
        var successes = [Int](repeating: 0, count: taskCount)
        var returns = [Double](repeating: 0, count: taskCount)
        var fullReturns = [Double](repeating: 0, count: taskCount)
        var episodeReturn = [Double](repeating: 0, count: slotCount)
        var succeeded = [Bool](repeating: false, count: slotCount)
        var nextJob = 0

        func startNextJob(_ slot: Int) throws(TrainerError) {
            guard nextJob < jobCount else { active[slot] = false; return }
            let task = nextJob / episodes, episode = nextJob % episodes
            nextJob += 1
            tasks[slot] = Int32(task)
            heads[slot] = Int32(head(of: task))
            let row = observationRow(observations, slot)
            do {
                try evaluationSlots[slot].resetForEvaluation(task: task, episode: episode, observation: UnsafeMutableBufferPointer(rebasing: row[0..<slotObservationSize]))
            } catch { throw .environment(slot: slot, task: task, description: "evaluation: \(error)") }
            Self.writeTaskOneHot(task: task, into: UnsafeMutableBufferPointer(rebasing: row[slotObservationSize...]))
            episodeReturn[slot] = 0
            succeeded[slot] = false
            active[slot] = true
        }

        for slot in 0..<slotCount { try startNextJob(slot) }
        while active.contains(true) {
            if let abortCheck, abortCheck() { throw .aborted(iteration: iteration) }
            do {
                try agent.act(
                    observations: observations.baseAddress!, tasks: heads.baseAddress!, count: slotCount,
                    actions: actions.baseAddress!, logProbs: scratch.baseAddress!, values: scratch.baseAddress! + slotCount,
                    deterministic: true)
            } catch { throw .ppo(error) }
            stepActiveEvaluationSlots(EvaluationStepping(observations: observations, actions: actions, tasks: tasks, active: active))
            for slot in 0..<slotCount where active[slot] {
                if let error = stepErrors[slot] { throw error }
            }
            for slot in 0..<slotCount where active[slot] {
                let task = Int(tasks[slot])
                let result = stepResults[slot]
                episodeReturn[slot] += result.reward
                if result.success && !succeeded[slot] {
                    succeeded[slot] = true
                    successes[task] += 1
                    returns[task] += episodeReturn[slot]
                }
                guard result.episodeEnded else { continue }
                if !succeeded[slot] { returns[task] += episodeReturn[slot] }
                fullReturns[task] += episodeReturn[slot]
                try startNextJob(slot)
            }
        }
        return EvaluationResult(
            successRate: successes.map { Double($0) / Double(episodes) },
            meanReturn: returns.map { $0 / Double(episodes) },
            fullEpisodeReturn: fullReturns.map { $0 / Double(episodes) },
            episodesPerTask: episodes)
    }
}
