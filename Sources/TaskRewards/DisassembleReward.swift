/// disassemble-v3: lift the nut by its handle off the peg (metaworld-mt50.md 12.12).
///
/// Reads, all world frame:
/// - `hand`: obs[0:3], the `hand` body origin (it sets the grasp point's x, as in assembly).
/// - `object`: obs[4:7], the `RoundNut-8` site on the nut's handle; its height is the success test.
/// - `extra`: the `RoundNut` site, the nut ring's centre.
/// - `objectQuaternion`: obs[7:11], the `RoundNut` body quaternion in MuJoCo's (w, x, y, z)
///   order (`data.xquat`), ≈(0.7071, 0, 0, 0.7071) lying flat.
/// - `target`: obs[36:39] = `_target_pos` = the nut's start + (0, 0, 0.15) (the layout's goal
///   components are drawn for the rejection test only).
/// - `objectInit`: MetaWorld's `obj_init_pos`, the nut as placed on the peg (the layout's nut xyz).
/// - `tcp`, `tcpInit`, both pads and the raw gripper action.
public enum DisassembleReward {
    public static let caging = GripperCagingParameters(
        objectRadius: 0.015, padSuccessThreshold: 0.02, objectReachRadius: 0.01, xzThreshold: 0.01, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let centre = inputs.extra
        let flat = AssemblyReward.flatFactor(inputs.objectQuaternion)
        let grab = gripperCagingReward(inputs, object: AssemblyReward.graspPoint(inputs), parameters: caging)
        // 0.1 for the ring off the table, 0.9 more as its centre nears a point 10 cm above the
        // target (25 cm above the start).
        let inPlace = 0.1 * (centre.z > 0.02 ? 1 : 0)
            + 0.9 * tolerance(norm(inputs.target + SIMD3(0, 0, 0.1) - centre), lower: 0, upper: 0.02, margin: 0.2)
        var reward = (2 * grab + 6 * inPlace) * flat
        // Success: the handle site above the target's height (strict), 15 cm over its start.
        let success = inputs.object.z > inputs.target.z
        if success { reward = 10 }
        // MetaWorld's near_object is the float orientation factor; the flag is its truth value
        // in Python (factor > 0). obj_to_target is a literal 0.
        return RewardOutput(
            reward: reward, success: success, nearObject: flat > 0, graspSuccess: grab >= 0.5,
            graspReward: grab, inPlaceReward: inPlace, objectToTarget: 0)
    }
}
