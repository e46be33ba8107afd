import Testing
@testable import TaskRewards

/// Hole (target) at z 0.215; the cap top at rest 0.0935 above it (the press margin).
private func button(capZ: Double, tcp: SIMD3<Double>? = nil, opening: Double, targetZ: Double = 0.215) -> RewardInputs {
    let cap = SIMD3<Double>(0, 0.8, capZ)
    return RewardInputs(
        gripperOpening: opening, object: cap, tcp: tcp ?? cap, target: SIMD3(0, 0.8, targetZ),
        tcpInit: SIMD3(0, 0.4, 0.15))
}

@Suite struct ButtonPressTopdownRewardTests {
    @Test func fingertipsOnTheUnpressedButton() {
        // 5·H(1 − 0.3, near 1) = 3.5; TCP within 0.03 → + 5·pressed with
        // pressed = 1/(1 + 9·((0.0935 − 0.005)/0.0935)²).
        let out = ButtonPressTopdownReward.evaluate(button(capZ: 0.215 + 0.0935, opening: 0.3))
        let u = 0.0885 / 0.0935
        #expect(abs(out.reward - (3.5 + 5 / (1 + 9 * u * u))) < 1e-9)
        #expect(!out.success && out.nearObject && out.graspSuccess)
    }

    @Test func fullyPressedPeaksAtEightAndAHalf() {
        // pressed = 1 and the gripper reads its closed minimum 0.3: 5·0.7 + 5 = 8.5, never 10,
        // and success does not override.
        let out = ButtonPressTopdownReward.evaluate(button(capZ: 0.219, opening: 0.3))
        #expect(out.success)
        #expect(abs(out.reward - 8.5) < 1e-12)
    }

    @Test func openGripperAwayFromTheButtonEarnsNothing() {
        // 1 − obs[3] = 0 → H = 0, and the TCP is 4 cm away (> 0.03): no press term at all.
        let out = ButtonPressTopdownReward.evaluate(button(capZ: 0.219, tcp: SIMD3(0, 0.8, 0.259), opening: 1))
        #expect(out.reward == 0 && out.success)
    }

    @Test func successBoundaryBothSides() {
        #expect(ButtonPressTopdownReward.evaluate(button(capZ: 0.024, opening: 1, targetZ: 0)).success)
        #expect(!ButtonPressTopdownReward.evaluate(button(capZ: 0.0241, opening: 1, targetZ: 0)).success)
    }

    @Test func pressMarginIsTheXMLSiteDistance() {
        #expect(abs(ButtonPressTopdownReward.pressMargin - 0.0935) < 1e-15)
    }
}
