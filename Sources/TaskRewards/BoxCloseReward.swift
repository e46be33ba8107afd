/// box-close-v3: lift the lid by its handle and put it on the box (metaworld-mt50.md 12.4).
///
/// Reads, all world frame:
/// - `hand`: obs[0:3], the `hand` body origin (MetaWorld reads the hand here, not the TCP).
/// - `object`: obs[4:7], the lid's `top_link` body origin (`data.xpos`).
/// - `objectQuaternion`: obs[7:11], the `top_link` body quaternion in MuJoCo's (w, x, y, z)
///   order (`data.xquat`); upright, as placed, it is ≈(0.7071, 0, 0, 0.7071).
/// - `target`: obs[36:39] = `_target_pos`, the layout's goal point (the box's x, y at z 0.133).
/// - the raw gripper action.
public enum BoxCloseReward {
    /// Success and override threshold on ‖lid − target‖ (m, strict).
    public static let successDistance = 0.08
    /// MetaWorld's "ideal upright lid" quaternion (w, x, y, z), rounded as MetaWorld writes it.
    public static let uprightQuaternion = SIMD4<Double>(0.707, 0, 0, 0.707)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        // Rises linearly with the raw a3 clipped to [−1, 1].
        let grab = min(max((min(max(inputs.gripperAction, -1), 1) + 1) / 2, 0), 1)
        let upright = uprightFactor(inputs.objectQuaternion)
        let (ready, lifted) = readyAndLifted(inputs)
        var reward = 2 * hamacher(grab, ready) + 8 * lifted
        let success = norm(inputs.object - inputs.target) < successDistance
        if success { reward = 10 }
        // Quirk kept: the success reward too is scaled by the orientation factor, so a lid
        // seated a little askew earns less than 10 (MetaWorld: against kick-flipping the lid).
        reward *= upright
        // MetaWorld's near_object is the float `ready`; the flag reports ready = 1 (hand within
        // 2 cm of the handle point, above the funnel floor). obj_to_target is a literal 0.
        return RewardOutput(
            reward: reward, success: success, nearObject: ready >= 1, graspSuccess: grab >= 0.5,
            graspReward: grab, inPlaceReward: lifted, objectToTarget: 0)
    }

    /// MetaWorld's `_reward_quat`: 1 − ‖q − upright‖ / 0.2, floored at 0.
    @inlinable
    public static func uprightFactor(_ q: SIMD4<Double>) -> Double {
        let d = q - uprightQuaternion
        let error = (d.x * d.x + d.y * d.y + d.z * d.z + d.w * d.w).squareRoot()
        return max(1 - error / 0.2, 0)
    }

    /// MetaWorld's `_reward_pos`: (ready to lift, lifted), both in [0, 1].
    @inlinable
    public static func readyAndLifted(_ inputs: RewardInputs) -> (Double, Double) {
        let hand = inputs.hand
        // The handle point, 2 cm above the lid's origin.
        let lid = inputs.object + SIMD3(0, 0, 0.02)
        let threshold = 0.02
        // A funnel round the handle keeps the hand high until it is above it.
        let dx = hand.x - lid.x, dy = hand.y - lid.y
        let radius = (dx * dx + dy * dy).squareRoot()
        let floor = radius <= threshold ? 0 : 0.04 * _log(radius - threshold) + 0.4
        // floor/2 is negative only within e^−10 m of the funnel rim; `tolerance` then acts as
        // MetaWorld's margin 0 instead of raising.
        let aboveFloor = hand.z >= floor
            ? 1 : tolerance(floor - hand.z, lower: 0, upper: 0.01, margin: floor / 2)
        let atHandle = tolerance(norm(hand - lid), lower: 0, upper: 0.02, margin: 0.5)
        let ready = hamacher(aboveFloor, atHandle)
        // 0.2 for the lid off the table (handle point above 4 cm), 0.8 more as it nears the
        // goal, z errors weighing triple.
        let error = (inputs.target - lid) * SIMD3(1, 1, 3)
        let lifted = 0.2 * (lid.z > 0.04 ? 1 : 0)
            + 0.8 * tolerance(norm(error), lower: 0, upper: 0.05, margin: 0.25)
        return (ready, lifted)
    }
}
