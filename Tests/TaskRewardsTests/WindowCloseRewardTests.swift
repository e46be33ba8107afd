import Testing
@testable import TaskRewards

@Suite struct WindowCloseRewardTests {
    /// Window at (0, 0.75, 0.2) = target; the open handle starts at x 0.21 → margin 0.16.
    private func window(handleX: Double, tcp: SIMD3<Double>? = nil) -> RewardInputs {
        let handle = SIMD3<Double>(handleX, 0.6, 0.2)
        return RewardInputs(
            object: handle, tcp: tcp ?? handle, target: SIMD3(0, 0.75, 0.2),
            objectInit: SIMD3(0.21, 0.6, 0.2), tcpInit: SIMD3(0, 0.4, 0.15))
    }

    @Test func atTheStartBothTermsAreAtTheirMargin() {
        // in_place d = (0.21 − 0.05)/0.16 = 1 → 0.1; gaussian reach d = 1 → 0.1;
        // 10·H(0.1, 0.1) = 10·0.01/0.19 = 0.5263…
        let out = WindowCloseReward.evaluate(window(handleX: 0.21, tcp: SIMD3(0, 0.4, 0.15)))
        #expect(abs(out.reward - 10 * 0.01 / 0.19) < 1e-9)
    }

    @Test func successBoundaryWithoutOverride() {
        let held = WindowCloseReward.evaluate(window(handleX: 0.0499))
        #expect(held.success && held.reward == 10)
        let away = WindowCloseReward.evaluate(window(handleX: 0.0499, tcp: SIMD3(0.0499, 0.6, 0.3)))
        #expect(away.success && away.reward < 10)
        #expect(!WindowCloseReward.evaluate(window(handleX: 0.0501)).success)
    }

    @Test func gaussianReachIsSharperThanWindowOpensLongTail() {
        // Same geometry, TCP 40 cm above the handle (d ≈ 1.4, beyond the margin): the gaussian
        // reach term (10^−d²) is below the long tail (1/(1 + 9d²)) there.
        let tcp = SIMD3<Double>(0.21, 0.6, 0.6)
        let close = WindowCloseReward.evaluate(window(handleX: 0.21, tcp: tcp))
        let asOpen = WindowOpenReward.evaluate(window(handleX: 0.21, tcp: tcp))
        #expect(close.graspReward < asOpen.graspReward)
    }
}
