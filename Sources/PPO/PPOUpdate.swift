import Networks

/// What one PPO update did, averaged over the minibatch steps it took.
public struct PPOUpdateStats: Sendable, Equatable {
    public var policyLoss = 0.0
    public var valueLoss = 0.0
    public var entropy = 0.0
    public var oldApproxKL = 0.0
    public var approxKL = 0.0
    public var clipFraction = 0.0
    /// Gradient norm of actor and critic together before clipping (what a `joint` optimiser
    /// clips; with `separate` ones, sqrt(actor^2 + critic^2)).
    public var gradNorm = 0.0
    /// The actor's gradient norm before clipping.
    public var actorGradNorm = 0.0
    /// The critic's gradient norm before clipping (vfCoef included).
    public var criticGradNorm = 0.0
    /// 1 - Var(returns - values) / Var(returns) over the rollout; NaN when returns are constant.
    public var explainedVariance = 0.0
    /// Optimiser steps taken.
    public var minibatchUpdates = 0
    /// Epochs started (the last one may be partial after an early stop).
    public var epochs = 0
    /// True when the approx-KL early stop ended the update.
    public var stoppedEarly = false
    /// Minibatches whose loss or gradient was NaN or infinite: not applied, so one bad
    /// transition cannot poison the weights (non-zero means the rollout needs a look).
    public var skippedNonFiniteMinibatches = 0
    /// Mean |advantage| per head's rows, after per-task normalisation over the rollout or raw
    /// (`config.advantageNormalization`; `TaskAdvantageScore`).
    public var meanAbsoluteAdvantageByTask: [Double] = []

    /// Metrics under CleanRL's fixed keys, plus the actor's and the critic's gradient norms.
    public var metrics: [String: Double] {
        [
            "losses/policy_loss": policyLoss, "losses/value_loss": valueLoss, "losses/entropy": entropy,
            "losses/old_approx_kl": oldApproxKL, "losses/approx_kl": approxKL, "losses/clipfrac": clipFraction,
            "losses/grad_norm": gradNorm, "losses/actor_grad_norm": actorGradNorm, "losses/critic_grad_norm": criticGradNorm,
            "losses/explained_variance": explainedVariance,
            "charts/minibatch_updates": Double(minibatchUpdates), "charts/update_epochs": Double(epochs),
            "charts/skipped_nonfinite_minibatches": Double(skippedNonFiniteMinibatches),
        ]
    }
}

extension PPOAgent {
    /// Optimises actor and critic on a filled rollout whose advantages have been computed:
    /// `updateEpochs` passes of `numMinibatches` shuffled minibatches, each taking one policy
    /// and one value step (one joint step with `joint` optimisers), clipped to `maxGradNorm`.
    /// Early stop as in Stable-Baselines3 (which the paper's 1.5 factor comes from): a
    /// minibatch whose approx KL exceeds klStopFactor x targetKL is not applied and ends the
    /// update.
    public func update(_ buffer: RolloutBuffer) throws(PPOError) -> PPOUpdateStats {
        let batchSize = buffer.count
        guard batchSize == config.batchSize, buffer.observationSize == observationSize, buffer.actionSize == actionSize else {
            throw .shapeMismatch("the buffer holds \(batchSize) transitions of \(buffer.observationSize) -> \(buffer.actionSize), the agent expects \(config.batchSize) of \(observationSize) -> \(actionSize)")
        }
        let blasThreads = BLAS.threadCount
        if concurrentActorCritic { BLAS.setThreadCount(1) }
        defer { if concurrentActorCritic, let blasThreads { BLAS.setThreadCount(blasThreads) } }
        var stats = PPOUpdateStats()
        stats.meanAbsoluteAdvantageByTask = TaskAdvantageScore.meanAbsolute(
            advantages: buffer.advantages.pointer, tasks: buffer.tasks, count: buffer.count, taskCount: taskCount,
            normalization: config.advantageNormalization)
        let minibatchSize = config.minibatchSize
        let klLimit = config.targetKL.map { $0 * config.klStopFactor }
        for index in 0..<batchSize { batchIndices[index] = index }

        epochLoop: for _ in 0..<config.updateEpochs {
            stats.epochs += 1
            shuffleIndices(count: batchSize)
            for start in stride(from: 0, to: minibatchSize * config.numMinibatches, by: minibatchSize) {
                try minibatch.gather(
                    from: buffer, indices: batchIndices + start, count: minibatchSize, normalizeAdvantages: config.normAdv,
                    normalization: config.advantageNormalization)
                let terms = computeLossAndGradients(minibatch)
                if let klLimit, terms.approxKL > klLimit {
                    stats.stoppedEarly = true
                    break epochLoop
                }
                let norms = optimizer.clipGradients(maxNorm: config.maxGradNorm)
                guard terms.loss.isFinite, norms.isFinite else {
                    stats.skippedNonFiniteMinibatches += 1
                    continue
                }
                stats.gradNorm += norms.total
                stats.actorGradNorm += norms.actor
                stats.criticGradNorm += norms.critic
                optimizer.step()
                stats.minibatchUpdates += 1
                stats.policyLoss += terms.policyLoss
                stats.valueLoss += terms.valueLoss
                stats.entropy += terms.entropy
                stats.oldApproxKL += terms.oldApproxKL
                stats.approxKL += terms.approxKL
                stats.clipFraction += terms.clipFraction
            }
        }
        if stats.minibatchUpdates > 0 {
            let n = Double(stats.minibatchUpdates)
            stats.policyLoss /= n; stats.valueLoss /= n; stats.entropy /= n
            stats.oldApproxKL /= n; stats.approxKL /= n; stats.clipFraction /= n
            stats.gradNorm /= n; stats.actorGradNorm /= n; stats.criticGradNorm /= n
        }
        stats.explainedVariance = explainedVariance(buffer)
        return stats
    }

    /// Fisher-Yates over the first `count` indices with the agent's seeded generator.
    func shuffleIndices(count: Int) {
        guard count > 1 else { return }
        for i in stride(from: count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            let swap = batchIndices[i]
            batchIndices[i] = batchIndices[j]
            batchIndices[j] = swap
        }
    }

    func explainedVariance(_ buffer: RolloutBuffer) -> Double {
        let n = Double(buffer.count)
        var sumY = 0.0, sumYY = 0.0, sumD = 0.0, sumDD = 0.0
        for row in 0..<buffer.count {
            let y = Double(buffer.returns.pointer[row]), d = y - Double(buffer.values.pointer[row])
            sumY += y; sumYY += y * y; sumD += d; sumDD += d * d
        }
        let varY = sumYY / n - (sumY / n) * (sumY / n)
        let varD = sumDD / n - (sumD / n) * (sumD / n)
        return varY == 0 ? .nan : 1 - varD / varY
    }
}
