/// handle-pull-v3: grasp the grip and lift the handle (docs/tasks.md, 'The handle box family').
/// Reads `object` (the handleRight site), `target` (goalPull), `objectInit` (the box position),
/// `tcp`, `tcpInit`, the pads, `gripperOpening` and the raw gripper action.
public enum HandlePullReward {
    /// In-place bound, success and override radius (m; MetaWorld's default TARGET_RADIUS).
    public static let targetRadius = 0.05
    public static let caging = GripperCagingParameters(
        objectRadius: 0.022, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.01, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = abs(inputs.target.z - object.z)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: abs(inputs.target.z - inputs.objectInit.z))
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        var reward = hamacher(grasped, inPlace)
        let tcpToObject = norm(object - inputs.tcp)
        // Quirk kept: MetaWorld compares the handle's *y* with obj_init's z (the box at z ≈ 0),
        // which always holds, so the bonus needs only the hand on the handle, gripper reading > 0.
        if tcpToObject < 0.035 && inputs.gripperOpening > 0 && object.y - 0.01 > inputs.objectInit.z {
            reward += 1 + 5 * inPlace
        }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: tcpToObject <= 0.05,
            graspSuccess: inputs.gripperOpening > 0 && object.z - 0.03 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
