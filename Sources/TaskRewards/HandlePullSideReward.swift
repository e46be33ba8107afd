/// handle-pull-side-v3: grasp the turned box's handle arm and lift it (docs/tasks.md, 'The handle
/// box family'). Reads `object` (the handleCenter site), `target` (goalPull), `objectInit` (the
/// site at reset), `tcp`, `tcpInit`, the pads, `gripperOpening` and the raw gripper action.
public enum HandlePullSideReward {
    /// In-place bound and override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m): the handle lifted about 5.6 cm.
    public static let successRadius = 0.08
    public static let caging = GripperCagingParameters(
        objectRadius: 0.032, padSuccessThreshold: 0.06, objectReachRadius: 0.01, xzThreshold: 0.01, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = norm(object - inputs.target)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - inputs.target))
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        var reward = hamacher(grasped, inPlace)
        let tcpToObject = norm(object - inputs.tcp)
        if tcpToObject < 0.035 && inputs.gripperOpening > 0 && object.z - 0.01 > inputs.objectInit.z {
            reward += 1 + 5 * inPlace
        }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: tcpToObject <= 0.05,
            graspSuccess: inputs.gripperOpening > 0 && object.z - 0.03 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
