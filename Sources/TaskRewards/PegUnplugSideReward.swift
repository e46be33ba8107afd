/// peg-unplug-side-v3: pull the plug sideways out of the wall's hole (metaworld-mt50.md 12.31).
///
/// Reads, all world frame:
/// - `object`: obs[4:7], the `pegEnd` site on the plug.
/// - `objectInit`: MetaWorld's `obj_init_pos`, the `pegEnd` site read right after the plug is
///   placed at reset (plug = box + (0.044, 0, 0.131)), before any settling.
/// - `target`: obs[36:39] = `_target_pos` = the placed plug position + (0.15, 0, 0).
/// - `tcp`, `tcpInit`, both pads, `gripperOpening` and the raw gripper action.
public enum PegUnplugSideReward {
    /// In-place bound and override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m).
    public static let successRadius = 0.07
    public static let caging = GripperCagingParameters(
        objectRadius: 0.025, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.005,
        desiredGripperEffort: 0.8, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object, target = inputs.target
        let tcpToObject = norm(object - inputs.tcp)
        let objectToTarget = norm(object - target)
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        let inPlace = tolerance(objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - target))
        // "Grasped": the gripper reading more than half open (sic) and the plug pulled 1.5 cm out.
        let graspSuccess = inputs.gripperOpening > 0.5 && object.x - inputs.objectInit.x > 0.015
        var reward = 2 * grasped
        if graspSuccess && tcpToObject < 0.035 { reward = 1 + 2 * grasped + 5 * inPlace }
        if objectToTarget <= targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: graspSuccess, graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
