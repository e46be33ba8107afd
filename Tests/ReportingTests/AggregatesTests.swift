import Foundation
import RandomStreams
import Testing
@testable import Reporting

@Suite struct AggregatesTests {
    /// The mean summed left to right from 0, as the measures sum, so expected values are exact.
    static func mean(_ values: Double...) -> Double { values.reduce(0, +) / Double(values.count) }

    @Test func interquartileMeanCutsAQuarterRoundedDownFromEachEnd() {
        // n < 4 cuts nothing (int(0.25 n) = 0): the plain mean.
        #expect(Aggregates.interquartileMean([0.3]) == 0.3)
        #expect(Aggregates.interquartileMean([0, 1]) == 0.5)
        #expect(Aggregates.interquartileMean([1, 0, 0.5]) == 0.5)
        // n = 4: one from each end.
        #expect(Aggregates.interquartileMean([1, 0, 0.25, 0.75]) == 0.5)
        // n = 5, 6, 7 still cut one from each end: the middle 3, 4, 5 scores.
        #expect(Aggregates.interquartileMean([0.9, 0.1, 0.5, 0.2, 0.8]) == Self.mean(0.2, 0.5, 0.8))
        #expect(Aggregates.interquartileMean([0, 0.2, 0.4, 0.6, 0.8, 1]) == Self.mean(0.2, 0.4, 0.6, 0.8))
        #expect(Aggregates.interquartileMean([0, 0, 0.1, 0.2, 0.3, 1, 1]) == Self.mean(0, 0.1, 0.2, 0.3, 1))
        // n = 8: two from each end.
        #expect(Aggregates.interquartileMean([1, 1, 1, 0, 0, 0, 0.5, 0.25]) == Self.mean(0, 0.25, 0.5, 1))
        #expect(Aggregates.interquartileMean([]).isNaN)
    }

    @Test func interquartileMeanPoolsTiesAndTheWholeMatrix() throws {
        // 3 runs x 3 tasks, ties across runs and tasks: 9 scores, 2 cut from each end.
        let matrix = try #require(ScoreMatrix(rows: [[1, 0, 0.5], [1, 0, 0.5], [1, 1, 0]]))
        // Sorted: 0 0 | 0 0.5 0.5 1 1 | 1 1 (tied scores are cut by position, not by value).
        #expect(Aggregates.interquartileMean(matrix.pooled) == Self.mean(0, 0.5, 0.5, 1, 1))
        // All equal: every trimmed mean is that value.
        #expect(Aggregates.interquartileMean([0.4, 0.4, 0.4, 0.4, 0.4, 0.4]) == 0.4)
    }

    @Test func optimalityGapIsTheMeanShortfallFromGamma() {
        #expect(Aggregates.optimalityGap([1, 1, 0.5, 0]) == Self.mean(0, 0, 0.5, 1))
        #expect(Aggregates.optimalityGap([1, 1, 1]) == 0)
        #expect(Aggregates.optimalityGap([0, 0]) == 1)
        // A score above gamma counts as gamma, not as a negative gap.
        #expect(Aggregates.optimalityGap([1.5, 0.5], threshold: 1) == 0.25)
        #expect(Aggregates.optimalityGap([0.2, 0.6], threshold: 0.5) == Self.mean(0.5 - 0.2, 0))
        #expect(Aggregates.optimalityGap([]).isNaN)
    }

    @Test func meanPoolsEveryScore() {
        #expect(Aggregates.mean([1, 0, 0.5, 0.5]) == 0.5)
        #expect(Aggregates.mean([]).isNaN)
    }

    /// Matrices of 1 to 13 runs x 1 to 10 tasks, scores in tenths (success rates of 10 episodes,
    /// so many ties), against scipy's trim_mean(scores, 0.25, axis=None) as rliable calls it.
    @Test(.enabled(if: PythonCheck.hasScipy, "python3 cannot import scipy"))
    func interquartileMeanMatchesScipysTrimMean() throws {
        var generator = SplitMix64(seed: 5)
        var matrices: [[[Double]]] = []
        for (runs, tasks) in [(1, 1), (1, 3), (2, 1), (3, 1), (3, 10), (5, 1), (7, 1), (5, 3), (13, 1), (6, 7), (4, 5)] {
            matrices.append((0..<runs).map { _ in (0..<tasks).map { _ in Double(generator.index(below: 11)) / 10 } })
        }
        let text = matrices.map { rows in rows.map { $0.map { String($0) }.joined(separator: ",") }.joined(separator: ";") }
            .joined(separator: "|")
        let script = """
        import sys, numpy as np, scipy.stats
        for matrix in sys.argv[1].split('|'):
            scores = np.array([[float(v) for v in row.split(',')] for row in matrix.split(';')])
            print(repr(float(scipy.stats.trim_mean(scores, proportiontocut=0.25, axis=None))))
        """
        let expected = try PythonCheck.run(script, arguments: [text]).split(separator: "\n").map { Double(String($0))! }
        #expect(expected.count == matrices.count)
        for (rows, scipy) in zip(matrices, expected) {
            let ours = Aggregates.interquartileMean(try #require(ScoreMatrix(rows: rows)).pooled)
            #expect(abs(ours - scipy) < 1e-12, "\(rows.count) x \(rows[0].count): ours \(ours), scipy \(scipy)")
        }
    }
}
