import Testing
@testable import TaskRewards

@Suite struct ToleranceTests {
    @Test func insideTheBoundsIsOneIncludingBothEnds() {
        #expect(tolerance(0.03, lower: 0, upper: 0.05, margin: 0.2) == 1)
        #expect(tolerance(0, lower: 0, upper: 0.05, margin: 0.2) == 1)
        #expect(tolerance(0.05, lower: 0, upper: 0.05, margin: 0.2) == 1)
        #expect(tolerance(0.05, lower: 0, upper: 0.05, margin: 0.2, sigmoid: .gaussian) == 1)
    }

    @Test func longTailAboveTheUpperBound() {
        // d = (0.15 − 0.05) / 0.2 = 0.5; 1 / (1 + 9·0.25) = 1 / 3.25 = 0.307692307692…
        #expect(abs(tolerance(0.15, lower: 0, upper: 0.05, margin: 0.2) - 1 / 3.25) < 1e-15)
        // d = (0.25 − 0.05) / 0.2 = 1 → exactly the value at the margin, 0.1.
        #expect(abs(tolerance(0.25, lower: 0, upper: 0.05, margin: 0.2) - 0.1) < 1e-15)
        // d = 3 → 1 / (1 + 81) = 0.0121951…
        #expect(abs(tolerance(0.65, lower: 0, upper: 0.05, margin: 0.2) - 1.0 / 82) < 1e-15)
    }

    @Test func longTailBelowTheLowerBound() {
        // d = (0.015 − 0.005) / 0.02 = 0.5 → 1 / 3.25.
        #expect(abs(tolerance(0.005, lower: 0.015, upper: 0.05, margin: 0.02) - 1 / 3.25) < 1e-15)
        // A negative x (e.g. a pad on the wrong side in pick-place): d = (0.015 + 0.005)/0.02 = 1 → 0.1.
        #expect(abs(tolerance(-0.005, lower: 0.015, upper: 0.05, margin: 0.02) - 0.1) < 1e-15)
    }

    @Test func gaussianFallsOffAsTenToTheMinusUSquared() {
        // d = 0.5 → 10^(−0.25) = 0.562341325190349…
        let half = tolerance(0.15, lower: 0, upper: 0.05, margin: 0.2, sigmoid: .gaussian)
        #expect(abs(half - 0.5623413251903491) < 1e-15)
        // d = 1 → 0.1; d = 2 → 10^(−4) = 0.0001.
        #expect(abs(tolerance(0.25, lower: 0, upper: 0.05, margin: 0.2, sigmoid: .gaussian) - 0.1) < 1e-15)
        #expect(abs(tolerance(0.45, lower: 0, upper: 0.05, margin: 0.2, sigmoid: .gaussian) - 1e-4) < 1e-16)
        // Gaussian is below the long tail everywhere past d = 1: at d = 2, 1e-4 vs 1/37.
        #expect(tolerance(0.45, lower: 0, upper: 0.05, margin: 0.2) > 1e-4)
    }

    @Test func marginZeroOrNegativeIsAStep() {
        #expect(tolerance(0.06, lower: 0, upper: 0.05, margin: 0) == 0)
        #expect(tolerance(0.04, lower: 0, upper: 0.05, margin: 0) == 1)
        // MetaWorld raises on a negative margin; here it behaves as margin 0.
        #expect(tolerance(0.06, lower: 0, upper: 0.05, margin: -0.1) == 0)
        #expect(tolerance(0.06, lower: 0, upper: 0.05, margin: .nan) == 0)
    }

    @Test func nanAndInfinityInputs() {
        #expect(tolerance(.nan, lower: 0, upper: 0.05, margin: 0.2).isNaN)
        #expect(tolerance(.nan, lower: 0, upper: 0.05, margin: 0.2, sigmoid: .gaussian).isNaN)
        #expect(tolerance(.infinity, lower: 0, upper: 0.05, margin: 0.2) == 0)
        #expect(tolerance(.infinity, lower: 0, upper: 0.05, margin: 0.2, sigmoid: .gaussian) == 0)
        #expect(tolerance(-.infinity, lower: 0, upper: 0.05, margin: 0.2) == 0)
    }

    @Test func decreasesMonotonicallyAwayFromTheBounds() {
        var previous = 1.0
        for step in 1...50 {
            let x = 0.05 + Double(step) * 0.01
            let value = tolerance(x, lower: 0, upper: 0.05, margin: 0.2)
            #expect(value < previous && value > 0)
            previous = value
        }
    }
}
