import Testing
@testable import TaskRewards

@Suite struct ReachRewardTests {
    // Target 20 cm from hand_init → in-place margin 0.2.
    private func inputs(tcp: SIMD3<Double>) -> RewardInputs {
        RewardInputs(tcp: tcp, target: SIMD3(0, 0.8, 0.2), handInit: SIMD3(0, 0.6, 0.2))
    }

    @Test func atTheGoalIsTen() {
        let out = ReachReward.evaluate(inputs(tcp: SIMD3(0, 0.8, 0.2)))
        #expect(out.reward == 10 && out.success && out.nearObject && out.graspSuccess)
        #expect(out.objectToTarget == 0)
    }

    @Test func farAwayIsTheLongTailOfTheDistance() {
        // 15 cm away: d = (0.15 − 0.05)/0.2 = 0.5 → 10 / (1 + 9·0.25) = 10/3.25 = 3.0769…
        let out = ReachReward.evaluate(inputs(tcp: SIMD3(0, 0.8, 0.35)))
        #expect(abs(out.reward - 10 / 3.25) < 1e-12)
        #expect(!out.success)
        // MetaWorld reports the distance as grasp_reward.
        #expect(abs(out.graspReward - 0.15) < 1e-12 && out.graspReward == out.objectToTarget)
    }

    @Test func successBoundaryBothSides() {
        let on = ReachReward.evaluate(inputs(tcp: SIMD3(0.05, 0.8, 0.2)))
        #expect(on.success && on.reward == 10)
        // 0.1 mm outside: d = 0.0001/0.2 → 10/(1 + 9·2.5e-7) = 9.9999775…
        let off = ReachReward.evaluate(inputs(tcp: SIMD3(0.0501, 0.8, 0.2)))
        #expect(!off.success)
        #expect(abs(off.reward - 10 / (1 + 9 * 0.0005 * 0.0005)) < 1e-9)
    }
}
