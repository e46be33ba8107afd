import Foundation
import RandomStreams
import Testing
@testable import Reporting

@Suite struct ProbabilityOfImprovementTests {
    @Test func oneTaskCountsPairsWithTiesAsAHalf() {
        #expect(ProbabilityOfImprovement.onTask([1, 1], over: [0, 0]) == 1)
        #expect(ProbabilityOfImprovement.onTask([0], over: [1]) == 0)
        // Pairs of (x, y): 1>0, 1=1, 1>0, 1=1: (1 + 0.5 + 1 + 0.5) / 4.
        #expect(ProbabilityOfImprovement.onTask([1, 1], over: [0, 1]) == 0.75)
        // Unequal run counts: 3 x 2 pairs. 0.2 vs {0.5, 0.2}: 0 + 0.5; 0.5: 0.5 + 1; 0.9: 1 + 1.
        #expect(ProbabilityOfImprovement.onTask([0.2, 0.5, 0.9], over: [0.5, 0.2]) == 4.0 / 6)
        #expect(ProbabilityOfImprovement.onTask([], over: [1]).isNaN)
    }

    @Test func equalColumnsAreADrawAndTheTwoDirectionsSumToOne() {
        // rliable returns 0.5 outright for equal columns; the count gives it too.
        #expect(ProbabilityOfImprovement.onTask([0.3, 0.7, 0.7], over: [0.3, 0.7, 0.7]) == 0.5)
        let (x, y) = ([0.1, 0.4, 0.4, 1], [0.4, 0.2, 1])
        #expect(abs(ProbabilityOfImprovement.onTask(x, over: y) + ProbabilityOfImprovement.onTask(y, over: x) - 1) < 1e-15)
    }

    @Test func averageWeighsEveryTaskEqually() throws {
        // 2 runs of X and 3 of Y on 3 tasks: P = 1, 0.5 (all tied) and 1/6 on the third.
        let x = try #require(ScoreMatrix(rows: [[1, 0.5, 0], [0.8, 0.5, 0.5]]))
        let y = try #require(ScoreMatrix(rows: [[0, 0.5, 0.5], [0.2, 0.5, 1], [0.7, 0.5, 1]]))
        // Task 2: 0 vs {0.5, 1, 1}: 0; 0.5 vs {0.5, 1, 1}: 0.5: (0 + 0.5) / 6.
        #expect(abs(ProbabilityOfImprovement.average(x, over: y) - AggregatesTests.mean(1, 0.5, 1.0 / 12)) < 1e-15)
    }

    /// rliable's own formula (scipy's Mann-Whitney U with alternative='greater' over nx ny,
    /// 0.5 for equal columns, averaged over tasks) on matrices with many ties.
    @Test(.enabled(if: PythonCheck.hasScipy, "python3 cannot import scipy"))
    func matchesRliablesFormulaWithScipy() throws {
        var generator = SplitMix64(seed: 9)
        func matrix(_ runs: Int, _ tasks: Int) -> [[Double]] {
            (0..<runs).map { _ in (0..<tasks).map { _ in Double(generator.index(below: 5)) / 4 } }
        }
        let pairs = [(matrix(3, 4), matrix(3, 4)), (matrix(1, 2), matrix(4, 2)), (matrix(5, 10), matrix(2, 10)), (matrix(2, 1), matrix(2, 1))]
        func text(_ rows: [[Double]]) -> String { rows.map { $0.map { String($0) }.joined(separator: ",") }.joined(separator: ";") }
        let script = """
        import sys, numpy as np, scipy.stats
        def parse(text): return np.array([[float(v) for v in row.split(',')] for row in text.split(';')])
        for pair in sys.argv[1].split('|'):
            x, y = (parse(side) for side in pair.split('/'))
            probabilities = []
            for task in range(x.shape[1]):
                if np.array_equal(x[:, task], y[:, task]):
                    probabilities.append(0.5)
                else:
                    u, _ = scipy.stats.mannwhitneyu(x[:, task], y[:, task], alternative='greater')
                    probabilities.append(u / (x.shape[0] * y.shape[0]))
            print(repr(float(np.mean(probabilities))))
        """
        let argument = pairs.map { text($0.0) + "/" + text($0.1) }.joined(separator: "|")
        let expected = try PythonCheck.run(script, arguments: [argument]).split(separator: "\n").map { Double(String($0))! }
        #expect(expected.count == pairs.count)
        for ((x, y), scipy) in zip(pairs, expected) {
            let ours = ProbabilityOfImprovement.average(try #require(ScoreMatrix(rows: x)), over: try #require(ScoreMatrix(rows: y)))
            #expect(abs(ours - scipy) < 1e-12, "ours \(ours), scipy \(scipy)")
        }
    }
}
