import Testing
@testable import TaskRewards

@Suite struct HamacherTests {
    @Test func handComputedProducts() {
        // 0.25 / (1 − 0.25) = 1/3.
        #expect(abs(hamacher(0.5, 0.5) - 1.0 / 3) < 1e-15)
        // 0.08 / (0.6 − 0.08) = 0.08 / 0.52 = 0.153846…
        #expect(abs(hamacher(0.2, 0.4) - 0.08 / 0.52) < 1e-15)
        // H(a, 1) = a / (a + 1 − a) = a.
        #expect(hamacher(0.3, 1) == 0.3)
        #expect(hamacher(1, 1) == 1)
    }

    @Test func zeroAnnihilatesAndZeroZeroIsZero() {
        #expect(hamacher(0.6, 0) == 0)
        #expect(hamacher(0, 0.6) == 0)
        // Denominator 0 → 0, not NaN.
        #expect(hamacher(0, 0) == 0)
    }

    @Test func commutative() {
        for a in stride(from: 0.0, through: 1.0, by: 0.1) {
            for b in stride(from: 0.0, through: 1.0, by: 0.1) {
                #expect(hamacher(a, b) == hamacher(b, a))
                #expect(hamacher(a, b) <= min(a, b) + 1e-15)
            }
        }
    }

    @Test func outOfRangeArgumentsAreClampedAndNaNPropagates() {
        #expect(hamacher(1.5, 0.5) == 0.5)
        #expect(hamacher(-0.2, 0.5) == 0)
        #expect(hamacher(.nan, 0.5).isNaN)
        #expect(hamacher(0.5, .nan).isNaN)
    }
}
