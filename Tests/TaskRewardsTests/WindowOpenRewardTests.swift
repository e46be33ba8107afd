import Testing
@testable import TaskRewards

@Suite struct WindowOpenRewardTests {
    /// Window at (0, 0.7, 0.16): target x 0.2; handle starts at (−0.04, 0.605, 0.16).
    private func window(handleX: Double, tcp: SIMD3<Double>? = nil) -> RewardInputs {
        let handle = SIMD3<Double>(handleX, 0.605, 0.16)
        return RewardInputs(
            object: handle, tcp: tcp ?? handle, target: SIMD3(0.2, 0.7, 0.16),
            objectInit: SIMD3(-0.04, 0.605, 0.16), tcpInit: SIMD3(0, 0.4, 0.15))
    }

    @Test func atTheStart() {
        // in_place: |−0.04 − 0.2| = 0.24, d = 0.19/0.15; reach: TCP at its start, d = 1 → 0.1.
        let out = WindowOpenReward.evaluate(window(handleX: -0.04, tcp: SIMD3(0, 0.4, 0.15)))
        let u = 0.19 / 0.15
        let inPlace = 1 / (1 + 9 * u * u)
        #expect(abs(out.reward - 10 * (0.1 * inPlace / (0.1 + inPlace - 0.1 * inPlace))) < 1e-9)
    }

    @Test func successWithoutOverride() {
        // Handle 4.99 cm short of the target x: success; with the TCP on it reward 10, with the
        // TCP elsewhere the shaped value (no override).
        let held = WindowOpenReward.evaluate(window(handleX: 0.1501))
        #expect(held.success && held.reward == 10)
        let away = WindowOpenReward.evaluate(window(handleX: 0.1501, tcp: SIMD3(0, 0.4, 0.3)))
        #expect(away.success && away.reward < 10)
        #expect(!WindowOpenReward.evaluate(window(handleX: 0.1499)).success)
    }

    @Test func marginIsTheSlideTravelLessTheRadius() {
        #expect(abs(WindowOpenReward.inPlaceMargin - 0.15) < 1e-15)
    }
}
