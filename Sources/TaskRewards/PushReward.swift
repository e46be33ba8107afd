/// push-v3: slide the puck along the table to the goal (docs/tasks.md, 'push-v3').
/// Reads `object`, `tcp`, `target`, `objectInit`, `tcpInit`, the pads, `gripperOpening`,
/// the raw gripper action and `touchingObject` (info only).
public enum PushReward {
    /// Success radius, in-place radius and reward-override radius (m): MetaWorld's TARGET_RADIUS.
    public static let targetRadius = 0.05
    public static let caging = GripperCagingParameters(
        objectRadius: 0.015, padSuccessThreshold: 0.05, objectReachRadius: 0.01,
        xzThreshold: 0.005, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let tcpToObject = norm(object - inputs.tcp)
        let targetToObject = norm(object - inputs.target)
        let inPlace = tolerance(
            targetToObject, lower: 0, upper: targetRadius,
            margin: norm(inputs.objectInit - inputs.target))
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)

        var reward = 2 * grasped
        // MetaWorld writes `reward += 1 + reward + 5·in_place`, i.e. 4g + 1 + 5·in_place.
        if tcpToObject < 0.02 && inputs.gripperOpening > 0 {
            reward += 1 + reward + 5 * inPlace
        }
        // Strict < here while the success test is ≤: the same 0.05, so only the exact
        // boundary differs (success with a shaped reward).
        if targetToObject < targetRadius { reward = 10 }

        return RewardOutput(
            reward: reward,
            success: targetToObject <= targetRadius,
            nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0
                && object.z - 0.02 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: targetToObject)
    }
}
