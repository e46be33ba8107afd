/// The adversary's update (docs/samplers.md, 'The update'): one mirror-ascent step in log space
/// toward softmax(eta * score + log p0), then the exact KL projection onto the floor.
public enum MirrorAscent {
    /// Scores are clamped to +-scoreLimit and NaN counts as 0 (no signal), because one
    /// non-finite score would otherwise turn every probability into NaN.
    public static let scoreLimit = 1e6

    public static func sanitizedScore(_ score: Double) -> Double {
        if score.isNaN { return 0 }
        return min(max(score, -scoreLimit), scoreLimit)
    }

    /// log q' = (1 - alpha) log q + alpha log p0 + s * score, with alpha = s / eta, normalised by
    /// a softmax. Not yet projected onto the floor. Zero probabilities are read as the smallest
    /// normal double so the logarithms stay finite.
    public static func step(
        probabilities: [Double], prior: [Double], scores: [Double],
        inverseTemperature eta: Double, stepSize s: Double
    ) -> [Double] {
        let count = probabilities.count
        guard count > 0, prior.count == count, scores.count == count else { return probabilities }
        let alpha = s / eta
        var logits = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let logQ = naturalLogarithm(max(probabilities[i], Double.leastNormalMagnitude))
            let logP0 = naturalLogarithm(max(prior[i], Double.leastNormalMagnitude))
            logits[i] = (1 - alpha) * logQ + alpha * logP0 + s * sanitizedScore(scores[i])
        }
        return softmax(logits)
    }

    /// exp(x_i - max x) / sum, uniform if the logits are unusable (no finite maximum).
    public static func softmax(_ logits: [Double]) -> [Double] {
        let count = logits.count
        guard count > 0 else { return [] }
        let largest = logits.max() ?? 0
        guard largest.isFinite else { return uniform(count) }
        var weights = logits.map { exponential($0 - largest) }
        let total = weights.reduce(0, +)
        guard total.isFinite, total > 0 else { return uniform(count) }
        for i in 0..<count { weights[i] /= total }
        return weights
    }

    /// The KL projection argmin_q KL(q || z) over { q : q_i >= floor, sum q = 1 }, by water-filling:
    /// coordinates below the floor are pinned to it and the free ones rescaled to the remaining
    /// mass, until no free coordinate is below the floor. The result is q_i = max(floor, c z_i).
    /// `z` need not be normalised; uniform if floor x count > 1 or z has no usable mass.
    public static func projectOntoFloor(_ z: [Double], floor: Double) -> [Double] {
        let count = z.count
        guard count > 0 else { return [] }
        let weights = z.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let weightTotal = weights.reduce(0, +)
        guard weightTotal > 0, weightTotal.isFinite, floor * Double(count) <= 1 else { return uniform(count) }
        guard floor > 0 else { return weights.map { $0 / weightTotal } }

        var pinned = [Bool](repeating: false, count: count)
        var pinnedCount = 0
        var q = [Double](repeating: floor, count: count)
        while true {
            let freeMass = 1 - floor * Double(pinnedCount)
            var freeWeight = 0.0
            for i in 0..<count where !pinned[i] { freeWeight += weights[i] }
            let freeCount = count - pinnedCount
            for i in 0..<count where !pinned[i] {
                q[i] = freeWeight > 0 ? freeMass * weights[i] / freeWeight : freeMass / Double(freeCount)
            }
            var newlyPinned = 0
            for i in 0..<count where !pinned[i] && q[i] < floor {
                pinned[i] = true
                q[i] = floor
                newlyPinned += 1
            }
            if newlyPinned == 0 { return q }
            pinnedCount += newlyPinned
        }
    }

    public static func uniform(_ count: Int) -> [Double] {
        [Double](repeating: 1 / Double(count), count: count)
    }
}
