import Testing
@testable import TaskRewards

/// A puck resting at (0, 0.6, 0.02) with the TCP starting 13 cm straight above it, so the x-z
/// margin is 0.13 − 0.005 = 0.125 and the pad margins are |0.03 − 0.05| = 0.02 for pads 3 cm out.
private func cagedPuck(gripperAction: Double) -> RewardInputs {
    RewardInputs(
        object: SIMD3(0, 0.6, 0.02), tcp: SIMD3(0, 0.6, 0.02),
        leftPad: SIMD3(0, 0.63, 0.02), rightPad: SIMD3(0, 0.57, 0.02),
        action: SIMD4(0, 0, 0, gripperAction),
        objectInit: SIMD3(0, 0.6, 0.02), tcpInit: SIMD3(0, 0.6, 0.15))
}

private let pushLike = GripperCagingParameters(
    objectRadius: 0.015, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.005,
    density: .high)

@Suite struct GripperCagingTests {
    @Test func fullyCagedScalesWithTheClosingEffort() {
        // Pads 3 cm each side (inside [0.015, 0.05]) → caging_y = 1; TCP on the puck → caging_xz = 1;
        // caging = 1 > 0.97 so gripping = a3 = 0.6; H(1, 0.6) = 0.6; high density (0.6 + 1)/2 = 0.8.
        let inputs = cagedPuck(gripperAction: 0.6)
        #expect(abs(gripperCagingReward(inputs, object: inputs.object, parameters: pushLike) - 0.8) < 1e-15)
        var plain = pushLike
        plain.density = .plain
        #expect(abs(gripperCagingReward(inputs, object: inputs.object, parameters: plain) - 0.6) < 1e-15)
        // Medium: reach = tol(0, (0, 0.01)) = 1 → (0.6 + 1)/2 = 0.8.
        var medium = pushLike
        medium.density = .medium
        #expect(abs(gripperCagingReward(inputs, object: inputs.object, parameters: medium) - 0.8) < 1e-15)
    }

    @Test func rawGripperActionIsClippedInsideTheFormula() {
        // a3 = 1.7 → min(max(0, 1.7), 1) = 1 → H(1, 1) = 1 → (1 + 1)/2 = 1.
        let over = cagedPuck(gripperAction: 1.7)
        #expect(gripperCagingReward(over, object: over.object, parameters: pushLike) == 1)
        // a3 = −0.5 → 0 → H(1, 0) = 0 → (0 + 1)/2 = 0.5.
        let opening = cagedPuck(gripperAction: -0.5)
        #expect(gripperCagingReward(opening, object: opening.object, parameters: pushLike) == 0.5)
    }

    @Test func onePadOutsideTheBand() {
        // Left pad 10 cm out: d = |0.1 − 0.05| / margin |0.1 − 0.05| = 1 → 0.1; right pad 1.
        // caging_y = H(0.1, 1) = 0.1; caging = H(0.1, 1) = 0.1 ≤ 0.97 → gripping 0 → (0 + 0.1)/2.
        var inputs = cagedPuck(gripperAction: 1)
        inputs.leftPad.y = 0.7
        let value = gripperCagingReward(inputs, object: inputs.object, parameters: pushLike)
        #expect(abs(value - 0.05) < 1e-15)
    }

    @Test func tcpAtTheXZMargin() {
        // TCP back at its start, 0.13 above the puck: d = (0.13 − 0.005)/0.125 = 1 → caging_xz 0.1;
        // caging = H(1, 0.1) = 0.1 → no gripping → (0 + 0.1)/2 = 0.05.
        var inputs = cagedPuck(gripperAction: 1)
        inputs.tcp = SIMD3(0, 0.6, 0.15)
        let value = gripperCagingReward(inputs, object: inputs.object, parameters: pushLike)
        #expect(abs(value - 0.05) < 1e-12)
    }

    @Test func pickPlaceVariantUsesSignedPadOffsets() {
        // Pads on the correct sides (left at +y): same 0.8 as the base caging with a3 = 0.6.
        var inputs = cagedPuck(gripperAction: 0.6)
        #expect(abs(PickPlaceReward.caging(inputs) - 0.8) < 1e-15)
        // Pads swapped: offsets −0.03 each, 0.045 below the band; the margins come from the
        // current pads (MetaWorld's "init" pads are live views): |0.03 − 0.05| = 0.02, so each
        // side is the long tail at 0.045 / 0.02 = 2.25 margins, 1 / (1 + (2.25·3)²) ≈ 0.02148;
        // Hamacher of the two ≈ 0.01085, gripping 0 → caging ≈ 0.005427. (Pads of a reset 10 cm
        // apart would give margins ≈ 0 and a caging ≈ 0.) The base caging (|offset|) says 0.8.
        swap(&inputs.leftPad, &inputs.rightPad)
        #expect(abs(PickPlaceReward.caging(inputs) - 0.005427408412483039) < 1e-12)
        #expect(abs(gripperCagingReward(inputs, object: inputs.object, parameters: pushLike) - 0.8) < 1e-15)
    }
}
