import Dispatch
import Networks

/// The terms of one minibatch's PPO loss, as CleanRL names and logs them.
public struct PPOLossTerms: Sendable, Equatable {
    /// mean(max(-A r, -A clip(r, 1 - c, 1 + c))).
    public var policyLoss: Double = 0
    /// 0.5 mean((V - R)^2), unclipped (paper setting).
    public var valueLoss: Double = 0
    /// Mean entropy of the Gaussian policy (nats).
    public var entropy: Double = 0
    /// mean(-log r).
    public var oldApproxKL: Double = 0
    /// mean((r - 1) - log r), the estimator that drives the early stop.
    public var approxKL: Double = 0
    /// Fraction of samples with |r - 1| > clipCoef.
    public var clipFraction: Double = 0
    /// policyLoss - entCoef * entropy + vfCoef * valueLoss. With separate optimisers the actor
    /// minimises the first two terms and the critic the last; their sum is reported as one.
    public var loss: Double = 0
}

extension PPOAgent {
    /// Zeroes the gradients, then evaluates the PPO loss on `minibatch` and backpropagates it
    /// into every actor and critic parameter. The actor's terms and the critic's are
    /// independent, so with `concurrentActorCritic` they run on two threads at once.
    public func computeLossAndGradients(_ minibatch: Minibatch) -> PPOLossTerms {
        optimizer.zeroGradients()
        guard minibatch.count > 0 else { return PPOLossTerms() }
        var terms = PPOLossTerms()
        if concurrentActorCritic {
            let results = ConcurrentResults()
            let agent = UncheckedSendable(self), batch = UncheckedSendable(minibatch)
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                if part == 0 {
                    results.actor = agent.value.actorLossAndBackward(batch.value)
                } else {
                    results.valueLoss = agent.value.criticLossAndBackward(batch.value)
                }
            }
            terms = results.actor
            terms.valueLoss = results.valueLoss
        } else {
            terms = actorLossAndBackward(minibatch)
            terms.valueLoss = criticLossAndBackward(minibatch)
        }
        terms.loss = terms.policyLoss - config.entCoef * terms.entropy + config.vfCoef * terms.valueLoss
        return terms
    }

    /// Clipped surrogate and entropy bonus: forward, loss terms and backward of the actor.
    func actorLossAndBackward(_ minibatch: Minibatch) -> PPOLossTerms {
        let rows = minibatch.count
        policy.forward(observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: policyTraining)
        let a = actionSize, n = Float(rows)
        let clipCoef = Float(config.clipCoef), entCoef = Float(config.entCoef)
        let halfLogTwoPiPlusHalf = 0.5 + 0.918_938_5
        var policyLoss = 0.0, entropy = 0.0, oldApproxKL = 0.0, approxKL = 0.0, clipped = 0.0
        for k in 0..<rows {
            let mean = policyTraining.mean.row(k), logStd = policyTraining.logStd.row(k)
            let action = minibatch.actions.row(k)
            let newLogProb = gaussianLogProbability(action: action, mean: mean, logStd: logStd, count: a)
            let logRatio = newLogProb - minibatch.oldLogProbs.pointer[k]
            let ratio = expf(logRatio)
            let advantage = minibatch.advantages.pointer[k]
            oldApproxKL += Double(-logRatio)
            approxKL += Double((ratio - 1) - logRatio)
            if abs(ratio - 1) > clipCoef { clipped += 1 }

            let pgLoss1 = -advantage * ratio
            let pgLoss2 = -advantage * min(max(ratio, 1 - clipCoef), 1 + clipCoef)
            policyLoss += Double(max(pgLoss1, pgLoss2))
            // d(mean of max)/d(new log-prob): the clipped branch is constant in the parameters.
            let dLogProb: Float = pgLoss1 >= pgLoss2 ? -advantage * ratio / n : 0

            let dMean = meanGradient.row(k), dLogStd = logStdGradient.row(k)
            for j in 0..<a {
                let inverseVariance = expf(-2 * logStd[j])
                let difference = action[j] - mean[j]
                dMean[j] = dLogProb * difference * inverseVariance
                dLogStd[j] = dLogProb * (difference * difference * inverseVariance - 1) - entCoef / n
                entropy += halfLogTwoPiPlusHalf + Double(logStd[j])
            }
        }
        policy.backward(
            observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: policyTraining,
            meanGradient: meanGradient.pointer, logStdGradient: logStdGradient.pointer)
        let count = Double(rows)
        var terms = PPOLossTerms()
        terms.policyLoss = policyLoss / count
        terms.entropy = entropy / count
        terms.oldApproxKL = oldApproxKL / count
        terms.approxKL = approxKL / count
        terms.clipFraction = clipped / count
        return terms
    }

    /// Unclipped value loss 0.5 mean((V - R)^2): forward and backward of the critic.
    func criticLossAndBackward(_ minibatch: Minibatch) -> Double {
        let rows = minibatch.count
        critic.forward(observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: criticTraining)
        let n = Float(rows), vfCoef = Float(config.vfCoef)
        var valueLoss = 0.0
        for k in 0..<rows {
            let value = criticTraining.values.pointer[k], target = minibatch.returns.pointer[k]
            valueLoss += 0.5 * Double(value - target) * Double(value - target)
            valueGradient.pointer[k] = vfCoef * (value - target) / n
        }
        critic.backward(
            observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: criticTraining,
            valueGradient: valueGradient.pointer)
        return valueLoss / Double(rows)
    }
}

/// Results written by the two halves of a concurrent loss evaluation (each field by one thread).
private final class ConcurrentResults: @unchecked Sendable {
    var actor = PPOLossTerms()
    var valueLoss = 0.0
}

/// Hands the agent to the two loss threads: they touch disjoint networks and buffers.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

#if canImport(Glibc)
import Glibc
#endif
