import Networks
import RandomStreams

/// A statistic over seeds with its percentile-bootstrap confidence interval.
public struct Estimate: Sendable, Equatable, Codable {
    /// The statistic of the observed values.
    public var value: Double
    /// Interval bounds; nil with fewer than two values (one seed has no spread to resample).
    public var lower: Double?
    public var upper: Double?
    /// How many values (seeds) it rests on.
    public var count: Int

    public init(value: Double, lower: Double?, upper: Double?, count: Int) {
        self.value = value
        self.lower = lower
        self.upper = upper
        self.count = count
    }
}

/// Percentile bootstrap over seeds: resample the n values with replacement `resamples` times,
/// compute the statistic of each resample, and take the 2.5% and 97.5% order statistics.
/// Seeded, so a report is reproducible.
public struct Bootstrap: Sendable {
    /// Number of resamples (default 10,000).
    public var resamples: Int
    /// Seed of the resampling stream.
    public var seed: UInt64
    /// Two-sided coverage, 0.95 for a 95% interval.
    public var confidence: Double

    public init(resamples: Int = 10_000, seed: UInt64 = 1, confidence: Double = 0.95) {
        self.resamples = max(resamples, 1)
        self.seed = seed
        self.confidence = confidence
    }

    /// The mean of `values` with its interval. Empty input gives nil.
    public func mean(_ values: [Double]) -> Estimate? { estimate(values, statistic: Self.mean) }

    /// The median of `values` with its interval; +infinity stands for "never happened".
    public func median(_ values: [Double]) -> Estimate? { estimate(values, statistic: Self.median) }

    /// `statistic` of `values` with its percentile interval.
    public func estimate(_ values: [Double], statistic: ([Double]) -> Double) -> Estimate? {
        guard !values.isEmpty else { return nil }
        let value = statistic(values)
        guard values.count >= 2 else { return Estimate(value: value, lower: nil, upper: nil, count: 1) }
        var generator = SplitMix64(seed: seed)
        var resample = [Double](repeating: 0, count: values.count)
        var statistics: [Double] = []
        statistics.reserveCapacity(resamples)
        for _ in 0..<resamples {
            for index in resample.indices { resample[index] = values[generator.index(below: values.count)] }
            statistics.append(statistic(resample))
        }
        let (lower, upper) = Self.percentileInterval(statistics, confidence: confidence)
        return Estimate(value: value, lower: lower, upper: upper, count: values.count)
    }

    /// The order statistics at (1 - confidence) / 2 and (1 + confidence) / 2 of `statistics`:
    /// the k-th smallest with k = floor(q n) (lower) and ceil(q n) (upper), 1-based, clamped.
    public static func percentileInterval(_ statistics: [Double], confidence: Double) -> (lower: Double, upper: Double) {
        let sorted = statistics.sorted()
        let n = Double(sorted.count)
        let tail = (1 - confidence) / 2
        let lowerRank = min(max(Int((tail * n).rounded(.down)), 1), sorted.count)
        let upperRank = min(max(Int(((1 - tail) * n).rounded(.up)), 1), sorted.count)
        return (sorted[lowerRank - 1], sorted[upperRank - 1])
    }

    public static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        let (a, b) = (sorted[middle - 1], sorted[middle])
        // (inf + inf) / 2 is inf, and a finite value with an infinite one is still "not reached".
        return a.isInfinite || b.isInfinite ? .infinity : (a + b) / 2
    }
}
