import Foundation
import Testing
@testable import Reporting

@Suite struct BootstrapTests {
    /// Every one of the n^n equally likely resamples, for a brute-force bootstrap distribution.
    static func allResampleMeans(_ values: [Double]) -> [Double] {
        let n = values.count
        var means: [Double] = []
        var digits = [Int](repeating: 0, count: n)
        for _ in 0..<Int(pow(Double(n), Double(n))) {
            means.append(digits.map { values[$0] }.reduce(0, +) / Double(n))
            for position in 0..<n {
                digits[position] += 1
                if digits[position] < n { break }
                digits[position] = 0
            }
        }
        return means
    }

    @Test func threeSeedsGiveTheirRangeBecauseEachExtremeHasProbabilityOneIn27() throws {
        // Resampling {0, 1, 2} gives mean 0 (and 2) with probability 1/27 = 3.7% > 2.5%, so the
        // exact 95% percentile interval is [0, 2]; 10,000 draws cannot miss that by chance.
        let exact = Bootstrap.percentileInterval(Self.allResampleMeans([0, 1, 2]), confidence: 0.95)
        #expect(exact == (0, 2))
        let estimate = try #require(Bootstrap(resamples: 10_000, seed: 7).mean([0, 1, 2]))
        #expect(estimate.value == 1)
        #expect(estimate.lower == 0)
        #expect(estimate.upper == 2)
        #expect(estimate.count == 3)
    }

    @Test func matchesTheExhaustiveBootstrapOfFiveValues() throws {
        let values = [0.0, 0.1, 0.35, 0.6, 1.0]
        let exact = Bootstrap.percentileInterval(Self.allResampleMeans(values), confidence: 0.95)
        let estimate = try #require(Bootstrap(resamples: 20_000, seed: 3).mean(values))
        // The exact interval lies strictly inside the data range, so this is not the trivial case.
        #expect(exact.lower > 0 && exact.upper < 1)
        #expect(abs(try #require(estimate.lower) - exact.lower) < 0.02)
        #expect(abs(try #require(estimate.upper) - exact.upper) < 0.02)
        #expect(abs(estimate.value - 0.41) < 1e-12)
    }

    @Test func percentileRanksFollowTheDocumentedRule() {
        let statistics = (1...40).map(Double.init).shuffled()
        let interval = Bootstrap.percentileInterval(statistics, confidence: 0.95)
        #expect(interval.lower == 1)   // rank floor(0.025 x 40) = 1
        #expect(interval.upper == 39)  // rank ceil(0.975 x 40) = 39
    }

    @Test func oneValueHasNoIntervalAndNoValuesNoEstimate() {
        #expect(Bootstrap().mean([]) == nil)
        #expect(Bootstrap().mean([0.4]) == Estimate(value: 0.4, lower: nil, upper: nil, count: 1))
    }

    @Test func equalValuesGiveAZeroWidthInterval() throws {
        let estimate = try #require(Bootstrap().mean([0.5, 0.5, 0.5, 0.5]))
        #expect(estimate.lower == 0.5 && estimate.upper == 0.5)
    }

    @Test func sameSeedSameIntervalOtherSeedOtherDraws() throws {
        let values = [0.1, 0.2, 0.4, 0.8, 0.9, 0.95]
        let a = try #require(Bootstrap(resamples: 500, seed: 11).mean(values))
        let b = try #require(Bootstrap(resamples: 500, seed: 11).mean(values))
        #expect(a == b)
        let draws = (1...6).compactMap { Bootstrap(resamples: 200, seed: UInt64($0)).mean(values)?.lower }
        #expect(Set(draws).count > 1)
    }

    @Test func medianCountsNeverReachedAsInfinite() throws {
        #expect(Bootstrap.median([3, 1, .infinity]) == 3)
        #expect(Bootstrap.median([1, .infinity]) == .infinity)
        #expect(Bootstrap.median([1, 2, 4, 10]) == 3)
        let estimate = try #require(Bootstrap(resamples: 1_000).median([100, .infinity, .infinity]))
        #expect(estimate.value == .infinity)
        #expect(estimate.lower == 100)
        #expect(estimate.upper == .infinity)
    }
}
