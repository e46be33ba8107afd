import Testing
@testable import TaskRewards

/// Drawer at (0, 0.9, 0): target (0, 0.54, 0.09), closed handle point (0, 0.74, 0.09).
private func drawer(handleY: Double, hand: SIMD3<Double>? = nil) -> RewardInputs {
    let handle = SIMD3<Double>(0, handleY, 0.09)
    return RewardInputs(
        hand: hand ?? handle, gripperOpening: 1, object: handle, target: SIMD3(0, 0.54, 0.09),
        tcpInit: SIMD3(0, 0.6, 0.15))
}

@Suite struct DrawerOpenRewardTests {
    @Test func closedDrawerWithTheHandOnTheHandle() {
        // error 0.2: opening = 1/(1 + 9·(0.18/0.2)²) = 1/8.29; caging 1 → 5·(1 + 1/8.29) = 5.6031…
        let out = DrawerOpenReward.evaluate(drawer(handleY: 0.74))
        #expect(abs(out.reward - 5 * (1 + 1 / 8.29)) < 1e-12)
        #expect(!out.success && out.nearObject)
    }

    @Test func successAtThreeCentimetresHasNoOverride() {
        // error 0.0299: success; opening = 1/(1 + 9·(0.0099/0.2)²) → 5·(1 + that) = 9.89…, not 10.
        let on = DrawerOpenReward.evaluate(drawer(handleY: 0.5699))
        #expect(on.success)
        let u = 0.0099 / 0.2
        #expect(abs(on.reward - 5 * (1 + 1 / (1 + 9 * u * u))) < 1e-9)
        let off = DrawerOpenReward.evaluate(drawer(handleY: 0.5701))
        #expect(!off.success)
    }

    @Test func maximumTenNeedsTheHandOnTheHandle() {
        #expect(DrawerOpenReward.evaluate(drawer(handleY: 0.55)).reward == 10)
        // Same opening, hand 14 cm back and 6 cm up: caging margin = |(0, 0.14, −0.06)·(3,3,1)| =
        // √0.18, and the hand error is √0.18 too → d = (√0.18 − 0.01)/√0.18 → 5·(caging + 1).
        let away = DrawerOpenReward.evaluate(drawer(handleY: 0.55, hand: SIMD3(0, 0.55 - 0.14, 0.15)))
        let m = 0.18.squareRoot()
        let u = (m - 0.01) / m
        #expect(away.success && abs(away.reward - 5 * (1 / (1 + 9 * u * u) + 1)) < 1e-9)
    }
}
