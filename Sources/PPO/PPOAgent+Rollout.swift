import Networks
import RandomStreams
import WorkerThreads

/// Rollout inference: one row per environment slot, in slot order. Allocates nothing per call.
extension PPOAgent {
    /// Samples actions (or takes the Gaussian mean when `deterministic`) for `count` slots and
    /// writes, in slot order, the actions [count, actionSize], their log-probabilities and the
    /// critic's values. `count` is at most the agent's `inferenceSlots`.
    public func act(
        observations: UnsafePointer<Float>, tasks: UnsafePointer<Int32>, count: Int,
        actions: UnsafeMutablePointer<Float>, logProbs: UnsafeMutablePointer<Float>,
        values: UnsafeMutablePointer<Float>, deterministic: Bool = false
    ) throws(PPOError) {
        try prepareRollout(observations: observations, tasks: tasks, count: count)
        if let pool = rolloutInferencePool, pool.partCount >= 2 {
            pool.run(rolloutForward)
        } else {
            rolloutForward.runPart(0, of: 1)
        }
        let a = actionSize
        for k in 0..<count {
            let slot = rolloutGrouping.order[k]
            let mean = policyRollout.mean.row(k), logStd = policyRollout.logStd.row(k)
            let action = actions + slot * a
            for j in 0..<a {
                action[j] = deterministic ? mean[j] : mean[j] + expf(logStd[j]) * Float(generator.nextGaussian())
            }
            logProbs[slot] = gaussianLogProbability(action: action, mean: mean, logStd: logStd, count: a)
            values[slot] = criticRollout.values.pointer[k]
        }
    }

    /// The critic's values for `count` slots, in slot order (GAE's bootstrap `next_value`).
    public func values(
        observations: UnsafePointer<Float>, tasks: UnsafePointer<Int32>, count: Int, into values: UnsafeMutablePointer<Float>
    ) throws(PPOError) {
        try prepareRollout(observations: observations, tasks: tasks, count: count)
        critic.forward(observations: rolloutObservations.pointer, grouping: rolloutGrouping, workspace: criticRollout)
        for k in 0..<count { values[rolloutGrouping.order[k]] = criticRollout.values.pointer[k] }
    }

    private func prepareRollout(observations: UnsafePointer<Float>, tasks: UnsafePointer<Int32>, count: Int) throws(PPOError) {
        guard count >= 0, count <= rolloutCapacity else {
            throw .shapeMismatch("rollout inference for \(count) slots, but the agent was built for at most \(rolloutCapacity) (numEnvs or inferenceSlots)")
        }
        do { try rolloutGrouping.group(tasks: tasks, count: count) } catch { throw .network(error) }
        let width = observationSize
        for k in 0..<count {
            rolloutObservations.row(k).update(from: observations + rolloutGrouping.order[k] * width, count: width)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
