import Networks
import PPO
import Samplers
import WorkerThreads

extension Trainer {
    /// One training iteration, in the order it runs:
    /// 1. rollout: `numSteps` times, act for every slot in one batch, step every slot, and at
    ///    every finished episode report it to the sampler and start the next one on a task the
    ///    sampler draws;
    /// 2. GAE from the critic's value of the observation after the last step;
    /// 3. the PPO update;
    /// 4. the sampler sees the rollout's per-task mean |advantage| and steps, and updates q once
    ///    its window (`sampler.updateEveryEnvSteps`) is full.
    /// Returns the iteration's metrics. A non-finite loss in the update throws `nonFiniteLoss`
    /// (the trainer is then mid-iteration: restore a checkpoint before going on).
    public func iterate() throws(TrainerError) -> IterationMetrics {
        // 1. Rollout.
        let tally = try collectRollout()

        // 2. Advantages.
        let updateStarted = TrainerTiming.now()
        do {
            try agent.values(observations: nextObservations.baseAddress!, tasks: slotHeads.baseAddress!, count: slots.count, into: values.baseAddress!)
        } catch { throw .ppo(error) }
        buffer.computeAdvantages(nextValues: values.baseAddress!, nextDones: nextDones.baseAddress!, gamma: config.ppo.gamma, gaeLambda: config.ppo.gaeLambda)

        // 3. PPO update.
        let stats: PPOUpdateStats
        do { stats = try agent.update(buffer) } catch { throw .ppo(error) }
        // A NaN loss is a fault of the run, not a figure to log: the iteration stops here.
        if stats.skippedNonFiniteMinibatches > 0 {
            throw .nonFiniteLoss(iteration: iteration + 1, minibatches: stats.skippedNonFiniteMinibatches)
        }

        // 4. Sampler update.
        do {
            try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: meanAbsoluteAdvantageByTask(), stepsPerTask: stepsPerTask)
        } catch { throw .sampler(error) }
        sampler.updateIfWindowIsFull()
        let samplerFigures = sampler.metrics()
        timing.updateSeconds += TrainerTiming.now() - updateStarted
        iteration += 1
        return metrics(tally: tally, stats: stats, samplerFigures: samplerFigures)
    }

    /// Fills the rollout buffer: `numSteps` times, one batched inference for every slot, one
    /// step of every slot, then the finished episodes' bookkeeping. Allocates nothing once the
    /// sampler's success windows are full.
    func collectRollout() throws(TrainerError) -> EpisodeTally {
        let numEnvs = slots.count, numSteps = config.ppo.numSteps
        var tally = EpisodeTally()
        let rewardScale = config.ppo.rewardScale
        for task in stepsPerTask.indices { stepsPerTask[task] = 0 }
        for step in 0..<numSteps {
            if let abortCheck, abortCheck() { throw .aborted(iteration: iteration + 1) }
            for slot in 0..<numEnvs {
                let row = buffer.index(step: step, env: slot)
                buffer.observations.row(row).update(from: nextObservations.baseAddress! + slot * observationSize, count: observationSize)
                buffer.dones.pointer[row] = nextDones[slot]
                buffer.tasks[row] = slotHeads[slot]
                rowTasks[row] = slotTasks[slot]
            }
            let inferenceStarted = TrainerTiming.now()
            do {
                try agent.act(
                    observations: nextObservations.baseAddress!, tasks: slotHeads.baseAddress!, count: numEnvs,
                    actions: actions.baseAddress!, logProbs: logProbs.baseAddress!, values: values.baseAddress!)
            } catch { throw .ppo(error) }
            let steppingStarted = TrainerTiming.now()
            timing.inferenceSeconds += steppingStarted - inferenceStarted
            for slot in 0..<numEnvs {
                let row = buffer.index(step: step, env: slot)
                buffer.actions.row(row).update(from: actions.baseAddress! + slot * actionSize, count: actionSize)
                buffer.logProbs.pointer[row] = logProbs[slot]
                buffer.values.pointer[row] = values[slot]
            }

            // Slots are independent here: worker threads step fixed subsets of them.
            try stepEverySlot()
            let bookkeepingStarted = TrainerTiming.now()
            timing.environmentStepSeconds += bookkeepingStarted - steppingStarted

            // Bookkeeping in slot order, so task draws do not depend on thread timing.
            var truncations = 0
            for slot in 0..<numEnvs {
                let result = stepResults[slot]
                let task = Int(slotTasks[slot])
                buffer.rewards.pointer[buffer.index(step: step, env: slot)] = Float(result.reward * rewardScale)
                stepsPerTask[task] += 1
                episodeReturns[slot] += result.reward
                episodeSuccesses[slot] = episodeSuccesses[slot] || result.success
                episodeLengths[slot] += 1
                nextDones[slot] = result.episodeEnded ? 1 : 0
                guard result.episodeEnded else { continue }
                if result.truncated && !result.terminated {
                    _ = observationRow(finalObservations, truncations).update(fromContentsOf: observationRow(nextObservations, slot))
                    finalHeads[truncations] = slotHeads[slot]
                    finalSlots[truncations] = slot
                    truncations += 1
                }
                do {
                    try sampler.observeEpisode(task: task, return: episodeReturns[slot], success: episodeSuccesses[slot])
                } catch { throw .sampler(error) }
                tally.add(return: episodeReturns[slot], length: episodeLengths[slot], success: episodeSuccesses[slot])
                try startEpisode(slot: slot)
            }
            // A time limit is not a terminal state: add gamma x V(final observation) to the last
            // reward (the RolloutBuffer convention), so GAE bootstraps through it.
            let bootstrapStarted = TrainerTiming.now()
            timing.episodeBookkeepingSeconds += bootstrapStarted - bookkeepingStarted
            if truncations > 0 {
                do {
                    try agent.values(observations: finalObservations.baseAddress!, tasks: finalHeads.baseAddress!, count: truncations, into: finalValues.baseAddress!)
                } catch { throw .ppo(error) }
                for k in 0..<truncations {
                    buffer.rewards.pointer[buffer.index(step: step, env: finalSlots[k])] += Float(config.ppo.gamma) * finalValues[k]
                }
                timing.inferenceSeconds += TrainerTiming.now() - bootstrapStarted
            }
            globalStep += numEnvs
        }
        return tally
    }

    /// Mean |GAE advantage| of each task's rows in the rollout (0 for a task without rows), the
    /// Learning Potential score: after per-task normalisation over the whole rollout with
    /// `perTask` advantage normalisation, raw with `global` (`TaskAdvantageScore`). Computed
    /// from the rows' tasks, not heads, so it holds per task with a shared head too.
    func meanAbsoluteAdvantageByTask() -> [Double] {
        TaskAdvantageScore.meanAbsolute(
            advantages: buffer.advantages.pointer, tasks: UnsafePointer(rowTasks.baseAddress!), count: buffer.count,
            taskCount: taskCount, normalization: config.ppo.advantageNormalization)
    }

    /// Steps every training slot (on the worker threads when there are several), then throws
    /// the first error in slot order, so which error is reported does not depend on timing.
    func stepEverySlot() throws(TrainerError) {
        steppingPhase = .training
        if let workerPool {
            workerPool.run(slotStepping)
        } else {
            stepPart(0, of: 1)
        }
        for slot in 0..<slots.count {
            if let error = stepErrors[slot] { throw error }
        }
    }

    /// Steps one training slot with its action row and records the outcome or the error;
    /// touches only that slot's data.
    func stepSlot(_ slot: Int) {
        let action = UnsafeBufferPointer(start: actions.baseAddress! + slot * actionSize, count: actionSize)
        let row = observationRow(nextObservations, slot)
        do {
            stepResults[slot] = try slots[slot].step(action: action, observation: UnsafeMutableBufferPointer(rebasing: row[0..<slotObservationSize]))
            stepErrors[slot] = stepResults[slot].reward.isFinite
                ? nil : .environment(slot: slot, task: Int(slotTasks[slot]), description: "reward \(stepResults[slot].reward) is not finite")
        } catch {
            stepErrors[slot] = .environment(slot: slot, task: Int(slotTasks[slot]), description: String(describing: error))
        }
    }

    /// Episodes the training slots' simulations ended by a numerical fault, over the run.
    public var environmentFaultCount: Int {
        (0..<slots.count).reduce(0) { $0 + slots[$1].faultCount }
    }

    func metrics(tally: EpisodeTally, stats: PPOUpdateStats, samplerFigures: [SamplerTaskMetrics]) -> IterationMetrics {
        var entries: [IterationMetrics.Entry] = []
        entries.reserveCapacity(IterationMetrics.chartKeys.count + IterationMetrics.lossKeys.count + taskCount * IterationMetrics.samplerFields.count)
        let charts: [Double] = [
            Double(iteration), Double(globalStep), Double(tally.episodes), tally.meanReturn, tally.meanLength, tally.successRate,
            Double(stats.minibatchUpdates), Double(stats.epochs), Double(environmentFaultCount),
            Double(sampler.state.updateCount),
        ]
        for (key, value) in zip(IterationMetrics.chartKeys, charts) { entries.append(.init(key: key, value: value)) }
        let losses = stats.metrics
        for key in IterationMetrics.lossKeys { entries.append(.init(key: key, value: losses[key] ?? .nan)) }
        for figures in samplerFigures {
            let name = taskNames[figures.task]
            let values: [Double] = [
                figures.probability, figures.score, figures.target, figures.windowMeanReturn,
                Double(figures.windowEpisodeCount), Double(stepsPerTask[figures.task]),
            ]
            for (field, value) in zip(IterationMetrics.samplerFields, values) {
                entries.append(.init(key: "sampler/\(name)/\(field)", value: value))
            }
        }
        return IterationMetrics(iteration: iteration, globalStep: globalStep, entries: entries)
    }
}

/// The training episodes that finished in one iteration.
struct EpisodeTally {
    var episodes = 0
    var returnSum = 0.0
    var lengthSum = 0
    var successes = 0

    mutating func add(return episodeReturn: Double, length: Int, success: Bool) {
        episodes += 1
        returnSum += episodeReturn
        lengthSum += length
        if success { successes += 1 }
    }

    /// Means over the iteration's episodes; 0 when none finished.
    var meanReturn: Double { episodes > 0 ? returnSum / Double(episodes) : 0 }
    var meanLength: Double { episodes > 0 ? Double(lengthSum) / Double(episodes) : 0 }
    var successRate: Double { episodes > 0 ? Double(successes) / Double(episodes) : 0 }
}
