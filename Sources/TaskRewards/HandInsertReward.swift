/// hand-insert-v3: push the cube into the table's hole, down to a goal below the table top
/// (metaworld-mt50.md 12.16).
///
/// Reads, all world frame:
/// - `object`: obs[4:7], the cube `obj` body position.
/// - `target`: obs[36:39] = `_target_pos`, the layout's goal point, 2 cm below the table top
///   level z 0 (inside the hole; the working surface is at z 0.05).
/// - `objectInit`: MetaWorld's `obj_init_pos`, the cube as placed at reset: drawn x, y, z 0.05.
/// - `tcp`, `tcpInit`, both pads, `gripperOpening`, the raw gripper action and `touchingObject`
///   (info only: the cube `objGeom` pressed by both pads).
public enum HandInsertReward {
    /// Success, in-place bound and override radius (m, MetaWorld's TARGET_RADIUS).
    public static let targetRadius = 0.05
    public static let caging = GripperCagingParameters(
        objectRadius: 0.015, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.005, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = norm(object - inputs.target)
        let inPlace = tolerance(objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - inputs.target))
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        var reward = hamacher(grasped, inPlace)
        let tcpToObject = norm(object - inputs.tcp)
        if tcpToObject < 0.02 && inputs.gripperOpening > 0 { reward += 1 + 7 * inPlace }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0 && object.z - 0.02 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
