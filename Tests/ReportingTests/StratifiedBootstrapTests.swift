import Testing
@testable import Reporting

@Suite struct StratifiedBootstrapTests {
    static let matrix = ScoreMatrix(rows: [[0.1, 0.9, 0.4], [0.5, 0.2, 0.8], [1.0, 0.6, 0.0], [0.3, 0.7, 0.5], [0.9, 0.1, 0.6]])!
    static var statistics: [(ScoreMatrix) -> Double] { [
        { Aggregates.interquartileMean($0.pooled) }, { Aggregates.optimalityGap($0.pooled) }, { Aggregates.mean($0.pooled) },
    ] }

    @Test func intervalsContainTheEstimateOfTheObservedScores() throws {
        let estimates = StratifiedBootstrap(Bootstrap(resamples: 2_000, seed: 4)).estimates(Self.matrix, statistics: Self.statistics)
        #expect(estimates.map(\.value) == Self.statistics.map { $0(Self.matrix) })
        for estimate in estimates {
            let (lower, upper) = (try #require(estimate.lower), try #require(estimate.upper))
            #expect(lower <= estimate.value && estimate.value <= upper)
            #expect(lower < upper)
            #expect(estimate.count == 5)
        }
        let x = Self.matrix, y = try #require(ScoreMatrix(rows: [[0.2, 0.5, 0.5], [0.4, 0.4, 0.1], [0.0, 0.8, 0.3]]))
        let improvement = StratifiedBootstrap(Bootstrap(resamples: 2_000)).estimate(x, y, statistic: ProbabilityOfImprovement.average)
        #expect(improvement.value == ProbabilityOfImprovement.average(x, over: y))
        #expect(try #require(improvement.lower) <= improvement.value && improvement.value <= (try #require(improvement.upper)))
    }

    @Test func sameSeedSameIntervalsOtherSeedOtherDraws() throws {
        let a = StratifiedBootstrap(Bootstrap(resamples: 500, seed: 11)).estimates(Self.matrix, statistics: Self.statistics)
        let b = StratifiedBootstrap(Bootstrap(resamples: 500, seed: 11)).estimates(Self.matrix, statistics: Self.statistics)
        #expect(a == b)
        let lowers = (1...6).map { seed in
            StratifiedBootstrap(Bootstrap(resamples: 200, seed: UInt64(seed))).estimates(Self.matrix, statistics: Self.statistics).map(\.lower)
        }
        #expect(Set(lowers.map { $0.map { $0 ?? -1 } }).count > 1)
        let y = try #require(ScoreMatrix(rows: [[0.2, 0.5, 0.5], [0.4, 0.4, 0.1], [0.0, 0.8, 0.3]]))
        let improvement = { (seed: UInt64) in
            StratifiedBootstrap(Bootstrap(resamples: 200, seed: seed)).estimate(Self.matrix, y, statistic: ProbabilityOfImprovement.average)
        }
        #expect(improvement(2) == improvement(2))
        #expect(Set((1...6).map { improvement(UInt64($0)).lower ?? -1 }).count > 1)
    }

    @Test func estimatingTogetherIsEstimatingEachAlone() {
        let bootstrap = StratifiedBootstrap(Bootstrap(resamples: 300, seed: 8))
        let together = bootstrap.estimates(Self.matrix, statistics: Self.statistics)
        let alone = Self.statistics.map { bootstrap.estimates(Self.matrix, statistics: [$0])[0] }
        #expect(together == alone)
    }

    @Test func oneRunHasNoInterval() throws {
        // Every resample of one run is that run: a zero-width interval would claim a certainty
        // there is no spread to back, so there is none, as for one seed elsewhere.
        let one = try #require(ScoreMatrix(rows: [[0.2, 1, 0.5, 0]]))
        let estimates = StratifiedBootstrap().estimates(one, statistics: Self.statistics)
        #expect(estimates == [Estimate(value: AggregatesTests.mean(0.2, 0.5), lower: nil, upper: nil, count: 1),
                              Estimate(value: AggregatesTests.mean(1 - 0.2, 0, 0.5, 1), lower: nil, upper: nil, count: 1),
                              Estimate(value: AggregatesTests.mean(0.2, 1, 0.5, 0), lower: nil, upper: nil, count: 1)])
        // One run on either side of a comparison: no interval either.
        let four = try #require(ScoreMatrix(rows: [[0, 1, 1, 0], [1, 1, 0, 0], [0.5, 0, 1, 1]]))
        for (x, y) in [(one, four), (four, one)] {
            let improvement = StratifiedBootstrap().estimate(x, y, statistic: ProbabilityOfImprovement.average)
            #expect(improvement.lower == nil && improvement.upper == nil)
            #expect(improvement.value == ProbabilityOfImprovement.average(x, over: y))
        }
    }

    @Test func resamplingWithinTasksKeepsEveryTasksScores() throws {
        // Each task's runs agree, so every stratified resample is the observed matrix and the
        // mean's interval has zero width; resampling pooled cells would mix 0s and 1s and vary.
        let matrix = try #require(ScoreMatrix(rows: [[0, 1], [0, 1], [0, 1]]))
        let mean = StratifiedBootstrap(Bootstrap(resamples: 500)).estimates(matrix, statistics: [{ Aggregates.mean($0.pooled) }])[0]
        #expect(mean == Estimate(value: 0.5, lower: 0.5, upper: 0.5, count: 3))
    }

    @Test func twoRunsOfOneTaskGiveTheExactPercentileInterval() throws {
        // Resampled means of {0, 1}: 0 and 1 with probability 1/4 each (> 2.5%), so [0, 1].
        let matrix = try #require(ScoreMatrix(rows: [[0], [1]]))
        let mean = StratifiedBootstrap(Bootstrap(resamples: 10_000, seed: 2)).estimates(matrix, statistics: [{ Aggregates.mean($0.pooled) }])[0]
        #expect(mean == Estimate(value: 0.5, lower: 0, upper: 1, count: 2))
    }
}
