import Foundation
@testable import Samplers
import Testing
import RandomStreams

/// Independent reference: q_i = max(eps, c z_i) with c found by bisection on sum q = 1
/// (a different algorithm from the water-filling under test).
func bisectionProjection(_ z: [Double], floor eps: Double) -> [Double] {
    let total = z.reduce(0, +)
    let w = z.map { $0 / total }
    var low = 0.0, high = 1 / (w.filter { $0 > 0 }.min() ?? 1) + 1
    for _ in 0..<200 {
        let c = (low + high) / 2
        let mass = w.reduce(0) { $0 + max(eps, c * $1) }
        if mass > 1 { high = c } else { low = c }
    }
    let c = (low + high) / 2
    return w.map { max(eps, c * $0) }
}

func klDivergence(_ q: [Double], _ z: [Double]) -> Double {
    zip(q, z).reduce(0) { $0 + ($1.0 > 0 ? $1.0 * log($1.0 / $1.1) : 0) }
}

func expectOnSimplexWithFloor(_ q: [Double], floor: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(q.allSatisfy { $0.isFinite }, sourceLocation: sourceLocation)
    #expect(abs(q.reduce(0, +) - 1) < 1e-12, sourceLocation: sourceLocation)
    #expect(q.allSatisfy { $0 >= floor - 1e-15 }, "\(q) has an entry below \(floor)", sourceLocation: sourceLocation)
}

@Suite struct MirrorAscentTests {
    /// Brute force over the 2-simplex: a grid at 5e-4, then a refined grid at 1e-5 around the
    /// best point, minimising KL(q || z) over q >= eps.
    static let threeTaskCases: [ProjectionCase] = [
        ProjectionCase(z: [0.7, 0.2, 0.1], floor: 0.15), ProjectionCase(z: [0.98, 0.01, 0.01], floor: 0.2),
        ProjectionCase(z: [0.5, 0.3, 0.2], floor: 0.1), ProjectionCase(z: [0.9, 0.1, 1e-9], floor: 0.3),
        ProjectionCase(z: [1.0 / 3, 1.0 / 3, 1.0 / 3], floor: 0.25),
    ]

    struct ProjectionCase: Sendable, CustomTestStringConvertible {
        var z: [Double]
        var floor: Double
        var testDescription: String { "z \(z), floor \(floor)" }
    }

    @Test(arguments: threeTaskCases)
    func projectionMatchesGridSearchOnThreeTasks(_ testCase: ProjectionCase) {
        let rawZ = testCase.z, floor = testCase.floor
        let z = rawZ.map { $0 / rawZ.reduce(0, +) }
        let projected = MirrorAscent.projectOntoFloor(z, floor: floor)
        func objective(_ a: Double, _ b: Double) -> Double {
            let c = 1 - a - b
            guard c >= floor - 1e-12 else { return .infinity }
            return klDivergence([a, b, max(c, floor)], z)
        }
        var best = (a: floor, b: floor, value: Double.infinity)
        var a = floor
        while a <= 1 - 2 * floor + 1e-12 {
            var b = floor
            while b <= 1 - a - floor + 1e-12 {
                let value = objective(a, b)
                if value < best.value { best = (a, b, value) }
                b += 5e-4
            }
            a += 5e-4
        }
        let coarse = best
        for i in -100...100 {
            for j in -100...100 {
                let a = coarse.a + Double(i) * 1e-5, b = coarse.b + Double(j) * 1e-5
                guard a >= floor, b >= floor else { continue }
                let value = objective(a, b)
                if value < best.value { best = (a, b, value) }
            }
        }
        #expect(abs(projected[0] - best.a) < 2e-5, "projected \(projected), grid \(best)")
        #expect(abs(projected[1] - best.b) < 2e-5, "projected \(projected), grid \(best)")
        #expect(klDivergence(projected, z) <= best.value + 1e-12)
        expectOnSimplexWithFloor(projected, floor: floor)
    }

    @Test func projectionMatchesBisectionAndKKTOnRandomTenTaskVectors() {
        var random = Xoshiro256(seed: 11)
        for trial in 0..<500 {
            let spread = [0.5, 3, 12][trial % 3]
            let z = (0..<10).map { _ in exp(spread * (random.nextUnitInterval() - 0.5)) }
            let floor = [0.0, 0.005, 0.025, 0.05, 0.09, 0.1][trial % 6]
            let projected = MirrorAscent.projectOntoFloor(z, floor: floor)
            let reference = bisectionProjection(z, floor: floor)
            for i in 0..<10 { #expect(abs(projected[i] - reference[i]) < 1e-10) }
            expectOnSimplexWithFloor(projected, floor: floor)
            // KKT: free coordinates keep one common ratio q / z; pinned ones would have a smaller one.
            let total = z.reduce(0, +)
            let ratios = (0..<10).filter { projected[$0] > floor + 1e-12 }.map { projected[$0] / (z[$0] / total) }
            if let first = ratios.first {
                #expect(ratios.allSatisfy { abs($0 - first) < 1e-9 * first })
                for i in 0..<10 where projected[i] <= floor + 1e-12 { #expect(first * z[i] / total <= floor + 1e-12) }
            }
        }
    }

    @Test func projectionFallsBackToUniformWhenFloorIsInfeasibleOrInputUnusable() {
        #expect(MirrorAscent.projectOntoFloor([0.9, 0.05, 0.05], floor: 0.34) == MirrorAscent.uniform(3))
        #expect(MirrorAscent.projectOntoFloor([0, 0, 0, 0], floor: 0.1) == MirrorAscent.uniform(4))
        #expect(MirrorAscent.projectOntoFloor([.nan, .nan], floor: 0.1) == MirrorAscent.uniform(2))
        #expect(MirrorAscent.projectOntoFloor([], floor: 0.1).isEmpty)
        // eps x K = 1 exactly: every coordinate is pinned to eps = 1/K.
        let pinned = MirrorAscent.projectOntoFloor([0.97, 0.01, 0.01, 0.01], floor: 0.25)
        for p in pinned { #expect(abs(p - 0.25) < 1e-15) }
        // A zero weight (a mastered task) is lifted to the floor.
        let lifted = MirrorAscent.projectOntoFloor([0.5, 0.5, 0], floor: 0.1)
        #expect(abs(lifted[2] - 0.1) < 1e-15 && abs(lifted[0] - 0.45) < 1e-15)
    }

    @Test func fullStepJumpsToSoftmaxOfEtaTimesScorePlusLogPrior() {
        let eta = 8.0
        let scores = [0.9, 0.1, 0.5, 1.0, 0.0]
        let p0 = MirrorAscent.uniform(5)
        for q in [p0, [0.6, 0.1, 0.1, 0.1, 0.1]] {
            let stepped = MirrorAscent.step(probabilities: q, prior: p0, scores: scores, inverseTemperature: eta, stepSize: eta)
            let logits = (0..<5).map { eta * scores[$0] + log(p0[$0]) }
            let denominator = logits.map { exp($0) }.reduce(0, +)
            for i in 0..<5 { #expect(abs(stepped[i] - exp(logits[i]) / denominator) < 1e-12) }
        }
    }

    @Test func partialStepIsTheGeometricMixtureOfOldAndOptimal() {
        let eta = 8.0, s = 0.5, alpha = s / eta
        let q = [0.4, 0.3, 0.2, 0.1]
        let scores = [0.2, 0.9, 0.4, 1.0]
        let stepped = MirrorAscent.step(probabilities: q, prior: MirrorAscent.uniform(4), scores: scores, inverseTemperature: eta, stepSize: s)
        let optimum = scores.map { exp(eta * $0) }
        let unnormalised = (0..<4).map { pow(q[$0], 1 - alpha) * pow(optimum[$0] / optimum.reduce(0, +), alpha) }
        let total = unnormalised.reduce(0, +)
        for i in 0..<4 { #expect(abs(stepped[i] - unnormalised[i] / total) < 1e-12) }
    }

    @Test func zeroStepSizeKeepsTheDistribution() {
        let q = MirrorAscent.uniform(10)
        let stepped = MirrorAscent.step(probabilities: q, prior: q, scores: (0..<10).map(Double.init), inverseTemperature: 8, stepSize: 0)
        for p in stepped { #expect(abs(p - 0.1) < 1e-15) }
    }

    @Test func stepThenProjectionStaysOnSimplexAboveFloorForExtremeScores() {
        var random = Xoshiro256(seed: 3)
        let k = 10, floor = 0.025
        var cases: [[Double]] = [
            [Double](repeating: 0.7, count: k),
            [1e9] + [Double](repeating: 0, count: k - 1),
            (0..<k).map { -Double($0) * 1e4 },
            [.nan, .infinity, -.infinity, 1, 0, -1, .nan, 5e300, -5e300, 0.5],
            [Double](repeating: .nan, count: k),
        ]
        for _ in 0..<300 { cases.append((0..<k).map { _ in (random.nextUnitInterval() - 0.5) * 40 }) }
        for (eta, s) in [(8.0, 0.5), (8.0, 8.0), (1.0, 1.0), (64.0, 0.01), (3.0, 0.0)] {
            var q = MirrorAscent.uniform(k)
            for scores in cases {
                q = MirrorAscent.projectOntoFloor(
                    MirrorAscent.step(probabilities: q, prior: MirrorAscent.uniform(k), scores: scores, inverseTemperature: eta, stepSize: s),
                    floor: floor)
                expectOnSimplexWithFloor(q, floor: floor)
            }
        }
    }

    @Test func nanScoresCountAsZeroSignal() {
        let p0 = MirrorAscent.uniform(3)
        let withNaN = MirrorAscent.step(probabilities: p0, prior: p0, scores: [.nan, 0, 1], inverseTemperature: 8, stepSize: 8)
        let withZero = MirrorAscent.step(probabilities: p0, prior: p0, scores: [0, 0, 1], inverseTemperature: 8, stepSize: 8)
        #expect(withNaN == withZero)
    }
}
