import Testing
@testable import TaskRewards

/// The three MT50 button rewards' own pieces (MetaWorld's values for drawn and rolled-out states
/// are checked in `RewardFunctionsTests`): what each rewards that MT10's topdown press does not.
@Suite struct ButtonPressFamilyRewardTests {
    /// A front-facing button: hole (target) at y 0.75, the cap `travel` short of it.
    static func front(capShort: Double, tcpOffset: SIMD3<Double> = .zero, opening: Double) -> RewardInputs {
        let cap = SIMD3<Double>(0, 0.75 - capShort, 0.115)
        return RewardInputs(
            gripperOpening: opening, object: cap, tcp: cap + tcpOffset, target: SIMD3(0, 0.75, 0.115),
            tcpInit: SIMD3(0, 0.4, 0.15))
    }

    @Test func buttonPressPaysTenForAnOpenGripperAndAFullPress() {
        let out = ButtonPressReward.evaluate(Self.front(capShort: 0.004, opening: 1))
        #expect(abs(out.reward - 10) < 1e-12 && out.success)
        // Closed on nothing (0.3) the gripper term is H(0.3, 1) = 0.3: 2·0.3 + 8.
        #expect(abs(ButtonPressReward.evaluate(Self.front(capShort: 0.004, opening: 0.3)).reward - 8.6) < 1e-12)
    }

    @Test func buttonPressNeedsTheTCPWithinFiveCentimetres() {
        // 6 cm away: only the gripper term, near = tol(0.06, (0, 0.05), margin ‖cap − tcp0‖).
        let far = ButtonPressReward.evaluate(Self.front(capShort: 0.004, tcpOffset: SIMD3(0, -0.06, 0), opening: 1))
        #expect(far.reward < 2 && !far.nearObject)
        #expect(ButtonPressReward.evaluate(Self.front(capShort: 0.0199, opening: 1)).success)
        #expect(!ButtonPressReward.evaluate(Self.front(capShort: 0.0201, opening: 1)).success)
    }

    @Test func buttonPressWallStepsUpWithinSevenCentimetres() {
        // Beyond 7 cm: 2·H((1 − 1)/2, near) = 0 for an open gripper; within: at least 4.
        let beyond = ButtonPressWallReward.evaluate(Self.front(capShort: 0.09, tcpOffset: SIMD3(0, -0.0701, 0), opening: 1))
        let within = ButtonPressWallReward.evaluate(Self.front(capShort: 0.09, tcpOffset: SIMD3(0, -0.0699, 0), opening: 1))
        #expect(beyond.reward == 0)
        #expect(within.reward >= 6 && within.reward < 6.1)  // 2 + 2·2 + 4·pressed², pressed small
        let pressed = ButtonPressWallReward.evaluate(Self.front(capShort: 0.004, opening: 1))
        #expect(abs(pressed.reward - 10) < 1e-12 && pressed.success)
        #expect(ButtonPressWallReward.evaluate(Self.front(capShort: 0.0299, opening: 0.3)).success)
        #expect(!ButtonPressWallReward.evaluate(Self.front(capShort: 0.0301, opening: 0.3)).success)
    }

    @Test func topdownWallRewardsTheOpenGripperUnlikeMT10() {
        let cap = SIMD3<Double>(0, 0.8, 0.219)
        let inputs = RewardInputs(gripperOpening: 1, object: cap, tcp: cap, target: SIMD3(0, 0.8, 0.215), tcpInit: SIMD3(0, 0.4, 0.15))
        #expect(abs(ButtonPressTopdownWallReward.evaluate(inputs).reward - 10) < 1e-12)
        // MT10's topdown press pays nothing for the open gripper's term: 5·H(0, 1) + 5.
        #expect(abs(ButtonPressTopdownReward.evaluate(inputs).reward - 5) < 1e-12)
    }
}
