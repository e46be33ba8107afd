/// assembly-v3: pick up the nut by its handle and drop it over the peg (metaworld-mt50.md 12.1).
///
/// Reads, all world frame:
/// - `hand`: obs[0:3], the `hand` body origin (it sets the grasp point's x, below).
/// - `object`: obs[4:7], the `RoundNut-8` site, on the nut's handle (13 cm from the ring centre).
/// - `extra`: the `RoundNut` site, the nut ring's centre.
/// - `objectQuaternion`: obs[7:11], the `RoundNut` body quaternion in MuJoCo's (w, x, y, z)
///   order (`data.xquat`); lying flat as placed it is ≈(0.7071, 0, 0, 0.7071).
/// - `target`: obs[36:39] = `_target_pos`, the layout's goal = the `pegTop` point (the peg body
///   stands at target − (0, 0, 0.05)).
/// - `objectInit`: MetaWorld's `obj_init_pos`, the nut's fixed place in the layout (0, 0.6, 0.02).
/// - `tcp`, `tcpInit`, both pads and the raw gripper action.
public enum AssemblyReward {
    /// MetaWorld's WRENCH_HANDLE_LENGTH (m).
    public static let handleLength = 0.02
    /// MetaWorld's "ideal laid-down wrench" quaternion (w, x, y, z), rounded as MetaWorld writes it.
    public static let flatQuaternion = SIMD4<Double>(0.707, 0, 0, 0.707)
    public static let caging = GripperCagingParameters(
        objectRadius: 0.015, padSuccessThreshold: 0.02, objectReachRadius: 0.01, xzThreshold: 0.01, density: .medium)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let flat = flatFactor(inputs.objectQuaternion)
        let grab = gripperCagingReward(inputs, object: graspPoint(inputs), parameters: caging)
        let (inPlace, success) = inPlaceAndSuccess(centre: inputs.extra, target: inputs.target)
        var reward = (2 * grab + 6 * inPlace) * flat
        if success { reward = 10 }
        // MetaWorld's near_object is the float orientation factor; the flag is its truth value
        // in Python (factor > 0). obj_to_target is a literal 0.
        return RewardOutput(
            reward: reward, success: success, nearObject: flat > 0, graspSuccess: grab >= 0.5,
            graspReward: grab, inPlaceReward: inPlace, objectToTarget: 0)
    }

    /// The caging point: the handle site, its x replaced by the hand's within half the handle's
    /// length (the handle is no sphere; assembly and disassemble share this).
    @inlinable
    public static func graspPoint(_ inputs: RewardInputs) -> SIMD3<Double> {
        var point = inputs.object
        if abs(point.x - inputs.hand.x) < handleLength / 2 { point.x = inputs.hand.x }
        return point
    }

    /// MetaWorld's `_reward_quat` for the nut: 1 − ‖q − flat‖ / 0.4, floored at 0.
    @inlinable
    public static func flatFactor(_ q: SIMD4<Double>) -> Double {
        let d = q - flatQuaternion
        return max(1 - (d.x * d.x + d.y * d.y + d.z * d.z + d.w * d.w).squareRoot() / 0.4, 0)
    }

    /// MetaWorld's `_reward_pos`: (in place, success). Success: the ring centre within 2 cm of
    /// the peg axis (strict) and below the peg top.
    @inlinable
    public static func inPlaceAndSuccess(centre: SIMD3<Double>, target: SIMD3<Double>) -> (Double, Bool) {
        var error = target - centre
        let radius = (error.x * error.x + error.y * error.y).squareRoot()
        let success = radius < 0.02 && error.z > 0
        // The wanted height is a funnel round the peg, rising with the log of the distance;
        // its neck widens once the nut is on.
        let threshold = success ? 0.02 : 0.01
        let targetHeight = radius > threshold ? 0.02 * _log(radius - threshold) + 0.2 : 0
        error.z = targetHeight - centre.z
        let lifted = centre.z > 0.02 || radius < threshold
        let inPlace = 0.1 * (lifted ? 1 : 0)
            + 0.9 * tolerance(norm(error * SIMD3(1, 1, 3)), lower: 0, upper: 0.02, margin: 0.4)
        return (inPlace, success)
    }
}
