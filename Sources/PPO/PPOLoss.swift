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
    /// policyLoss - entCoef * entropy + vfCoef * valueLoss.
    public var loss: Double = 0
}

extension PPOAgent {
    /// Zeroes the gradients, then evaluates the PPO loss on `minibatch` and backpropagates it
    /// into every actor and critic parameter.
    public func computeLossAndGradients(_ minibatch: Minibatch) -> PPOLossTerms {
        let rows = minibatch.count
        var terms = PPOLossTerms()
        optimizer.parameters.forEach { $0.zeroGradient() }
        guard rows > 0 else { return terms }
        policy.forward(observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: policyTraining)
        critic.forward(observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: criticTraining)

        let a = actionSize, n = Float(rows)
        let clipCoef = Float(config.clipCoef), entCoef = Float(config.entCoef), vfCoef = Float(config.vfCoef)
        let halfLogTwoPiPlusHalf = 0.5 + 0.918_938_5
        var policyLoss = 0.0, entropy = 0.0, oldApproxKL = 0.0, approxKL = 0.0, clipped = 0.0, valueLoss = 0.0
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

            let value = criticTraining.values.pointer[k], target = minibatch.returns.pointer[k]
            valueLoss += 0.5 * Double(value - target) * Double(value - target)
            valueGradient.pointer[k] = vfCoef * (value - target) / n
        }
        policy.backward(
            observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: policyTraining,
            meanGradient: meanGradient.pointer, logStdGradient: logStdGradient.pointer)
        critic.backward(
            observations: minibatch.observations.pointer, grouping: minibatch.grouping, workspace: criticTraining,
            valueGradient: valueGradient.pointer)

        let count = Double(rows)
        terms.policyLoss = policyLoss / count
        terms.valueLoss = valueLoss / count
        terms.entropy = entropy / count
        terms.oldApproxKL = oldApproxKL / count
        terms.approxKL = approxKL / count
        terms.clipFraction = clipped / count
        terms.loss = terms.policyLoss - config.entCoef * terms.entropy + config.vfCoef * terms.valueLoss
        return terms
    }
}

#if canImport(Glibc)
import Glibc
#endif
