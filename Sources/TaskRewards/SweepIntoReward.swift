/// sweep-into-v3: slide the cube across the table into the hole (metaworld-mt50.md 12.39).
///
/// Reads, all world frame:
/// - `object`: obs[4:7], the cube `obj` body position.
/// - `target`: obs[36:39] = `_target_pos`, the fixed hole centre (0, 0.84, 0.02) (the layout's
///   goal components are drawn for the rejection test only). The reward replaces its z with
///   the cube's current z, so only the x-y distance counts.
/// - `objectInit`: MetaWorld's `obj_init_pos`: the cube's drawn x, y and its z read just before
///   it is moved at reset (≈0.0699, resting on the surface at z 0.05 in the XML place).
/// - `tcp`, `tcpInit`, both pads (the pad-gripping caging variant), `gripperOpening` and
///   `touchingObject` (info only: the cube `objGeom` pressed by both pads).
public enum SweepIntoReward {
    /// Success, in-place bound and override radius (m).
    public static let targetRadius = 0.05
    /// MetaWorld's OBJ_RADIUS for the caging term (the cube's half side).
    public static let objectRadius = 0.02

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let target = SIMD3(inputs.target.x, inputs.target.y, object.z)
        let objectToTarget = norm(object - target)
        let tcpToObject = norm(object - inputs.tcp)
        // Quirk kept: the margin too is measured to the target at the cube's *current* height.
        let inPlace = tolerance(objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - target))
        let grasped = padGripCagingReward(
            inputs, object: object, objectRadius: objectRadius, gripMargin: objectRadius + 0.005, xzThreshold: 0.01)
        var reward = 2 * grasped + 6 * hamacher(grasped, inPlace)
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
