/// handle-press-v3 and handle-press-side-v3: press the handle down (docs/tasks.md, 'The handle
/// box family'). Reads `object` (the handleStart site, top of the grip), `target` (goalPress),
/// `objectInit` (the site at reset), `tcp` and `tcpInit`.
public enum HandlePressReward {
    /// MetaWorld's TARGET_RADIUS for the press tasks: success, in-place bound and override (m).
    public static let targetRadius = 0.02
    /// The reach term's bound (m).
    public static let handleRadius = 0.02

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = abs(object.z - inputs.target.z)
        let objectToTargetInit = abs(inputs.objectInit.z - inputs.target.z)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: abs(objectToTargetInit - targetRadius))
        let tcpToObject = norm(object - inputs.tcp)
        let reach = tolerance(
            tcpToObject, lower: 0, upper: handleRadius,
            margin: abs(norm(inputs.objectInit - inputs.tcpInit) - handleRadius))
        let reward = 10 * (objectToTarget <= targetRadius ? 1 : hamacher(reach, inPlace))
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: tcpToObject <= 0.05,
            graspSuccess: true, graspReward: reach, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
