/// push-back-v3: bring the cube back toward the robot to a goal on the table (docs/tasks.md,
/// 'The puck and wall family'). Reads `object`, `tcp`, `target`, `objectInit`, `tcpInit`, both
/// pads, `gripperOpening` and `touchingObject` (info only).
public enum PushBackReward {
    /// In-place radius and reward-override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m).
    public static let successRadius = 0.07
    /// MetaWorld's OBJ_RADIUS for this task's caging (the cube's half side is 0.02).
    public static let objectRadius = 0.007

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let tcpToObject = norm(object - inputs.tcp)
        let objectToTarget = norm(object - inputs.target)
        let objectInitToTarget = norm(inputs.objectInit - inputs.target)
        let inPlace = tolerance(objectToTarget, lower: 0, upper: targetRadius, margin: objectInitToTarget)
        let grasped = padGripCagingReward(
            inputs, object: object, objectRadius: objectRadius, gripMargin: objectRadius + 0.003, xzThreshold: 0.01)

        var reward = hamacher(grasped, inPlace)
        // Held (TCP within 1 cm, the gripper closed on something) and moved 1 cm toward the goal.
        if tcpToObject < 0.01 && inputs.gripperOpening > 0 && inputs.gripperOpening < 0.55
            && objectInitToTarget - objectToTarget > 0.01 {
            reward += 1 + 5 * inPlace
        }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0 && object.z - 0.02 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
