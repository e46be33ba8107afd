import RandomStreams

/// rliable's stratified bootstrap (`StratifiedBootstrap`, and `StratifiedIndependentBootstrap`
/// for two samplers) for statistics of runs x tasks score matrices.
///
/// Each resample draws runs with replacement independently within every task (see
/// `ScoreMatrix.resample`), recomputes the statistic, and the interval is the percentile
/// interval of those statistics. It resamples runs, not tasks (rliable's default,
/// `task_bootstrap=False`): the interval is the uncertainty of rerunning the experiment with
/// other seeds on these same tasks. Resamples, seed and confidence are `bootstrap`'s, and the
/// draws come from its seeded SplitMix64, started afresh for every call, so a report is
/// reproducible bit for bit. Two departures from rliable, both for agreement with the rest of
/// the report: the default is `Bootstrap`'s 10,000 resamples (rliable's is 50,000), and the
/// percentile interval takes order statistics (`Bootstrap.percentileInterval`) where arch
/// interpolates between them.
///
/// With one run there is no interval: every resample is the observed matrix, and a zero-width
/// interval would read as certainty where there is no spread to measure (`Bootstrap` gives no
/// interval for one seed either). The same holds when either sampler of a comparison has one run.
public struct StratifiedBootstrap: Sendable {
    public var bootstrap: Bootstrap

    public init(_ bootstrap: Bootstrap = Bootstrap()) { self.bootstrap = bootstrap }

    /// Each of `statistics` of `matrix` with its interval, in order, all from the same resamples.
    /// Every call starts the generator at the seed, so this is the same as estimating each
    /// statistic on its own.
    public func estimates(_ matrix: ScoreMatrix, statistics: [(ScoreMatrix) -> Double]) -> [Estimate] {
        let values = statistics.map { $0(matrix) }
        guard matrix.runCount >= 2 else { return values.map { Estimate(value: $0, lower: nil, upper: nil, count: matrix.runCount) } }
        var generator = SplitMix64(seed: bootstrap.seed)
        var resample = matrix
        var draws = [[Double]](repeating: [], count: statistics.count)
        for index in draws.indices { draws[index].reserveCapacity(bootstrap.resamples) }
        for _ in 0..<bootstrap.resamples {
            resample.resample(from: matrix, using: &generator)
            for (index, statistic) in statistics.enumerated() { draws[index].append(statistic(resample)) }
        }
        return zip(values, draws).map { value, statistics in
            let (lower, upper) = Bootstrap.percentileInterval(statistics, confidence: bootstrap.confidence)
            return Estimate(value: value, lower: lower, upper: upper, count: matrix.runCount)
        }
    }

    /// `statistic(x, y)` with its interval, resampling the runs of `x` and of `y` independently
    /// (each stratified by task; `x`'s cells drawn first in every resample). `count` is x's runs.
    public func estimate(_ x: ScoreMatrix, _ y: ScoreMatrix, statistic: (ScoreMatrix, ScoreMatrix) -> Double) -> Estimate {
        let value = statistic(x, y)
        guard x.runCount >= 2, y.runCount >= 2 else { return Estimate(value: value, lower: nil, upper: nil, count: x.runCount) }
        var generator = SplitMix64(seed: bootstrap.seed)
        var (resampleX, resampleY) = (x, y)
        var draws: [Double] = []
        draws.reserveCapacity(bootstrap.resamples)
        for _ in 0..<bootstrap.resamples {
            resampleX.resample(from: x, using: &generator)
            resampleY.resample(from: y, using: &generator)
            draws.append(statistic(resampleX, resampleY))
        }
        let (lower, upper) = Bootstrap.percentileInterval(draws, confidence: bootstrap.confidence)
        return Estimate(value: value, lower: lower, upper: upper, count: x.runCount)
    }
}
