import Testing
@testable import TaskRewards

/// Puck at rest at (0, 0.6, 0.02), goal 20 cm ahead: in-place margin 0.2, and at rest
/// in_place = 1/(1 + 9·((0.2 − 0.05)/0.2)²) = 1/6.0625 = 0.164948…
private let inPlaceAtRest = 1 / 6.0625

private func push(
    object: SIMD3<Double> = SIMD3(0, 0.6, 0.02), tcp: SIMD3<Double>, opening: Double,
    gripper: Double, touching: Bool = false
) -> RewardInputs {
    RewardInputs(
        gripperOpening: opening, object: object, tcp: tcp,
        leftPad: SIMD3(tcp.x, object.y + 0.03, tcp.z), rightPad: SIMD3(tcp.x, object.y - 0.03, tcp.z),
        target: SIMD3(0, 0.8, 0.02), action: SIMD4(0, 0, 0, gripper),
        objectInit: SIMD3(0, 0.6, 0.02), tcpInit: SIMD3(0, 0.6, 0.15), touchingObject: touching)
}

@Suite struct PushRewardTests {
    @Test func hoveringAtTheStartEarnsTwiceTheCaging() {
        // TCP 13 cm above the puck: caging_xz = 0.1 (d = 1), caging = 0.1, g = (0 + 0.1)/2 = 0.05,
        // reward = 2g = 0.1 (no bonus, TCP 0.13 > 0.02 from the puck).
        let out = PushReward.evaluate(push(tcp: SIMD3(0, 0.6, 0.15), opening: 1, gripper: 1))
        #expect(abs(out.reward - 0.1) < 1e-12)
        #expect(abs(out.inPlaceReward - inPlaceAtRest) < 1e-12)
        #expect(!out.success && !out.nearObject)
    }

    @Test func cagedPuckEarnsTheContactBonus() {
        // Caged and closing (g = 1): 2g, then += 1 + 2g + 5·in_place = 5 + 5/6.0625 = 5.8247…
        let out = PushReward.evaluate(push(tcp: SIMD3(0, 0.6, 0.02), opening: 0.5, gripper: 1))
        #expect(abs(out.reward - (5 + 5 * inPlaceAtRest)) < 1e-12)
        #expect(out.graspReward == 1 && out.nearObject)
        // The bonus needs obs[3] > 0: a fully shut reading leaves 2g = 2.
        let shut = PushReward.evaluate(push(tcp: SIMD3(0, 0.6, 0.02), opening: 0, gripper: 1))
        #expect(shut.reward == 2)
    }

    @Test func atTheGoalIsTen() {
        let out = PushReward.evaluate(push(object: SIMD3(0, 0.76, 0.02), tcp: SIMD3(0, 0.5, 0.2), opening: 1, gripper: 0))
        #expect(out.reward == 10 && out.success)
    }

    @Test func successBoundaryBothSidesAndStrictOverride() {
        // Exactly 0.05 away: success (≤) but no override (strict <), so the shaped reward stays.
        let on = PushReward.evaluate(push(object: SIMD3(0.05, 0.8, 0.02), tcp: SIMD3(0, 0.5, 0.2), opening: 1, gripper: 0))
        #expect(on.success && on.reward < 10 && on.inPlaceReward == 1)
        let off = PushReward.evaluate(push(object: SIMD3(0.0501, 0.8, 0.02), tcp: SIMD3(0, 0.5, 0.2), opening: 1, gripper: 0))
        #expect(!off.success && off.reward < 10)
    }

    @Test func graspSuccessNeedsContactOpeningAndLift() {
        let lifted = SIMD3(0, 0.6, 0.05)  // 3 cm above its start (> 2 cm)
        #expect(PushReward.evaluate(push(object: lifted, tcp: lifted, opening: 0.5, gripper: 1, touching: true)).graspSuccess)
        #expect(!PushReward.evaluate(push(object: lifted, tcp: lifted, opening: 0.5, gripper: 1, touching: false)).graspSuccess)
        #expect(!PushReward.evaluate(push(tcp: SIMD3(0, 0.6, 0.02), opening: 0.5, gripper: 1, touching: true)).graspSuccess)
    }
}
