/// dial-turn-v3: turn the dial (docs/tasks.md, 'The dial'). Reads `object` (the rim point),
/// `target`, `objectInit` (the push position at reset), `tcp`, `tcpInit` and the raw gripper action.
public enum DialTurnReward {
    /// Success, in-place bound (m).
    public static let targetRadius = 0.07
    /// Where MetaWorld's reward wants the TCP, relative to the rim point.
    public static let pushOffset = SIMD3<Double>(0.05, 0.02, 0.09)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let push = object + pushOffset
        let objectToTarget = norm(object - inputs.target)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: abs(norm(inputs.objectInit - inputs.target) - targetRadius))
        let tcpToPush = norm(push - inputs.tcp)
        var reach = tolerance(
            tcpToPush, lower: 0, upper: 0.005, margin: abs(norm(inputs.objectInit - inputs.tcpInit) - 0.005), sigmoid: .gaussian)
        reach = hamacher(reach, min(max(0, inputs.gripperAction), 1))
        return RewardOutput(
            reward: 10 * hamacher(reach, inPlace), success: objectToTarget <= targetRadius, nearObject: tcpToPush <= 0.01,
            graspSuccess: true, graspReward: reach, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
