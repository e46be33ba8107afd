import Testing
@testable import TaskRewards

/// Closed target (0, 0.74, 0.09); the obs point starts pulled out at (0, 0.58, 0.14), so
/// ‖init − target‖ = √(0.16² + 0.05²) = √0.0281 and the in-place margin is √0.0281 − 0.05.
private func drawerClose(object: SIMD3<Double>, tcp: SIMD3<Double>, gripper: Double) -> RewardInputs {
    RewardInputs(
        object: object, tcp: tcp, target: SIMD3(0, 0.74, 0.09), action: SIMD4(0, 0, 0, gripper),
        objectInit: SIMD3(0, 0.58, 0.14), tcpInit: SIMD3(0, 0.6, 0.15))
}

@Suite struct DrawerCloseRewardTests {
    @Test func atTheStart() {
        // TCP at its start: reach distance = its own margin + 0.005 → gaussian d = 1 → 0.1;
        // H(0.1, a3 = 1) = 0.1. in_place d = 1 → 0.1. 10·H(0.1, 0.1) = 10·0.01/0.19 = 0.5263…
        let out = DrawerCloseReward.evaluate(drawerClose(object: SIMD3(0, 0.58, 0.14), tcp: SIMD3(0, 0.6, 0.15), gripper: 1))
        #expect(abs(out.reward - 10 * 0.01 / 0.19) < 1e-9)
        #expect(!out.success && out.graspSuccess)
        // Reaching only counts with the gripper commanded closed: a3 = 0 → 0.
        let open = DrawerCloseReward.evaluate(drawerClose(object: SIMD3(0, 0.58, 0.14), tcp: SIMD3(0, 0.6, 0.15), gripper: 0))
        #expect(open.reward == 0)
    }

    @Test func successWithinSixPointFiveCentimetresOverridesToTen() {
        // 6 cm from the target: outside the 0.05 in-place radius (in_place < 1) but within
        // 0.05 + 0.015, so success and 10 although the hand is far away.
        let object = SIMD3<Double>(0, 0.74 - 0.0011.squareRoot(), 0.14)  // √(0.0011 + 0.0025) = 0.06
        let out = DrawerCloseReward.evaluate(drawerClose(object: object, tcp: SIMD3(0, 0.4, 0.3), gripper: 0))
        #expect(out.success && out.reward == 10 && out.inPlaceReward < 1)
    }

    @Test func justOutsideTheSuccessDistance() {
        // √(0.0018 + 0.0025) = 0.0656 > 0.065.
        let object = SIMD3<Double>(0, 0.74 - 0.0018.squareRoot(), 0.14)
        let out = DrawerCloseReward.evaluate(drawerClose(object: object, tcp: SIMD3(0, 0.4, 0.3), gripper: 0))
        #expect(!out.success && out.reward < 10)
    }
}
