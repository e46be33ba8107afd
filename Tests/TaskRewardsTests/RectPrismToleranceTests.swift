import Testing
@testable import TaskRewards

@Suite struct RectPrismToleranceTests {
    @Test func insideIsTheProductOfTheAxisFractions() {
        // (0.5/1)·(1/2)·(1/4) = 0.0625.
        let value = rectPrismTolerance(SIMD3(0.5, 1, 1), zero: .zero, one: SIMD3(1, 2, 4))
        #expect(value == 0.0625)
        // At the `one` corner 1, on a `zero` face 0.
        #expect(rectPrismTolerance(SIMD3(1, 2, 4), zero: .zero, one: SIMD3(1, 2, 4)) == 1)
        #expect(rectPrismTolerance(SIMD3(0, 1, 1), zero: .zero, one: SIMD3(1, 2, 4)) == 0)
    }

    @Test func cornersInEitherOrder() {
        // zero = (1,1,1), one = 0: (−0.75/−1)·(−0.5/−1)·(−0.25/−1) = 0.75·0.5·0.25 = 0.09375.
        let value = rectPrismTolerance(SIMD3(0.25, 0.5, 0.75), zero: SIMD3(1, 1, 1), one: .zero)
        #expect(value == 0.09375)
    }

    @Test func outsideIsOne() {
        #expect(rectPrismTolerance(SIMD3(1.5, 1, 1), zero: .zero, one: SIMD3(1, 2, 4)) == 1)
        #expect(rectPrismTolerance(SIMD3(0.5, -0.1, 1), zero: .zero, one: SIMD3(1, 2, 4)) == 1)
        // NaN is outside every box.
        #expect(rectPrismTolerance(SIMD3(.nan, 1, 1), zero: .zero, one: SIMD3(1, 2, 4)) == 1)
    }
}
