import Testing
@testable import TaskRewards

/// Goal 20 cm ahead and 18 cm up from the puck's start: in-place margin √(0.2² + 0.18²) = √0.0724.
private func held(at object: SIMD3<Double>) -> RewardInputs {
    RewardInputs(
        gripperOpening: 0.5, object: object, tcp: object,
        leftPad: object + SIMD3(0, 0.03, 0), rightPad: object - SIMD3(0, 0.03, 0),
        target: SIMD3(0, 0.8, 0.2), action: SIMD4(0, 0, 0, 1),
        objectInit: SIMD3(0, 0.6, 0.02), tcpInit: SIMD3(0, 0.6, 0.15))
}

@Suite struct PickPlaceRewardTests {
    @Test func successAtSixCentimetresWithoutTheOverride() {
        // 6 cm below the goal: success (≤ 0.07) but above the 0.05 override radius.
        // Held and lifted, caging 1 → grasp 1; in_place = 1/(1 + 9·0.01²/0.0724); reward =
        // H(1, ip) + 1 + 5·ip = 1 + 6·ip ≈ 6.926.
        let out = PickPlaceReward.evaluate(held(at: SIMD3(0, 0.8, 0.14)))
        let inPlace = 1 / (1 + 9 * 0.0001 / 0.0724)
        #expect(out.success)
        #expect(abs(out.reward - (1 + 6 * inPlace)) < 1e-12)
        #expect(out.graspReward == 1 && out.nearObject)
    }

    @Test func insideTheOverrideRadiusIsTen() {
        let out = PickPlaceReward.evaluate(held(at: SIMD3(0, 0.8, 0.16)))
        #expect(out.reward == 10 && out.success)
    }

    @Test func justOutsideTheSuccessRadius() {
        let out = PickPlaceReward.evaluate(held(at: SIMD3(0, 0.8, 0.129)))
        #expect(!out.success && out.reward < 10)
    }

    @Test func restingPuckGetsNoLiftBonus() {
        // On the table (z − 0.01 ≤ init z): reward = H(grasp 1, in_place) = in_place at rest,
        // d = (√0.0724 − 0.05)/√0.0724.
        let out = PickPlaceReward.evaluate(held(at: SIMD3(0, 0.6, 0.02)))
        let margin = 0.0724.squareRoot()
        let u = (margin - 0.05) / margin
        #expect(abs(out.reward - 1 / (1 + 9 * u * u)) < 1e-12)
    }
}
