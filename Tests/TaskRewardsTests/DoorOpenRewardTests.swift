import Foundation
import Testing
@testable import TaskRewards

/// Handle at (0.2, 0.45, 0.15), goal 40 cm to its left: far from the x success band.
private func door(hand: SIMD3<Double>, theta: Double, gripper: Double, handleX: Double = 0.2) -> RewardInputs {
    RewardInputs(
        hand: hand, object: SIMD3(handleX, 0.45, 0.15), target: SIMD3(-0.2, 0.4, 0.15),
        action: SIMD4(0, 0, 0, gripper), jointPosition: theta)
}
/// The grasp spot: door point (handle − 5 cm in x) + (0.05, 0.03, −0.01).
private let graspSpot = SIMD3<Double>(0.2, 0.48, 0.14)

@Suite struct DoorOpenRewardTests {
    @Test func closedDoorWithTheHandReady() {
        // ready = H(1, 1) = 1; grab = (1 + 1)/2 = 1; opened = 0 + 0.8·tol(2π/3, (0, 0.5), π/3)
        // with u = (2π/3 − 0.5)/(π/3) = 1.5225 → 0.8/(1 + 9u²) ≈ 0.0366.
        let out = DoorOpenReward.evaluate(door(hand: graspSpot, theta: 0, gripper: 1))
        let u = (2 * Double.pi / 3 - 0.5) / (Double.pi / 3)
        let opened = 0.8 / (1 + 9 * u * u)
        #expect(abs(out.reward - (2 + 8 * opened)) < 1e-12)
        #expect(out.nearObject && out.graspSuccess && !out.success)
        #expect(out.objectToTarget == 0)
    }

    @Test func fullyOpenAngleWithoutGrabbing() {
        // θ = −1.6: 2π/3 − 1.6 = 0.494 ≤ 0.5 → opened = 0.2 + 0.8 = 1; grab = 0 → reward 8.
        // The handle x (not θ) decides success, so this is not a success.
        let out = DoorOpenReward.evaluate(door(hand: graspSpot, theta: -1.6, gripper: -1))
        #expect(abs(out.reward - 8) < 1e-12 && !out.success && !out.graspSuccess)
    }

    @Test func successBoundaryOnTheHandleXOnly() {
        // |−0.125 + 0.2| = 0.075 ≤ 0.08 → success and 10 whatever the rest; 0.0801 → neither.
        let on = DoorOpenReward.evaluate(door(hand: SIMD3(0, 0.6, 0.2), theta: 0, gripper: -1, handleX: -0.125))
        #expect(on.success && on.reward == 10)
        let off = DoorOpenReward.evaluate(door(hand: SIMD3(0, 0.6, 0.2), theta: 0, gripper: -1, handleX: -0.1199))
        #expect(!off.success && off.reward < 10)
    }

    @Test func handBelowTheFunnelFloor() {
        // Hand 45 cm from the door point in xy at z 0.05: floor = 0.04·ln(0.33) + 0.4 = 0.35565;
        // above = tol(floor − 0.05, (0, 0.01), floor/2); in_place = tol(|(0.4, −0.03, −0.09)|,
        // (0, 0.06), 0.5). grab 0 and θ = 0, so reward = 2·H(ready, 0) + 8·opened(0).
        let hand = SIMD3<Double>(0.6, 0.45, 0.05)
        let (ready, opened) = DoorOpenReward.readyAndOpened(door(hand: hand, theta: 0, gripper: -1), theta: 0)
        let floor = 0.04 * log(0.33) + 0.4
        let ua = (floor - 0.05 - 0.01) / (floor / 2)
        let above = 1 / (1 + 9 * ua * ua)
        let ui = ((0.16 + 0.0009 + 0.0081).squareRoot() - 0.06) / 0.5
        let inPlace = 1 / (1 + 9 * ui * ui)
        #expect(abs(ready - above * inPlace / (above + inPlace - above * inPlace)) < 1e-12)
        let u = (2 * Double.pi / 3 - 0.5) / (Double.pi / 3)
        #expect(abs(opened - 0.8 / (1 + 9 * u * u)) < 1e-12)
        #expect(!DoorOpenReward.evaluate(door(hand: hand, theta: 0, gripper: -1)).nearObject)
    }
}
