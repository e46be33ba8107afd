/// sweep-v3: slide the cube to x 0.5 (docs/tasks.md, 'The sweeps'). Reads `object` (the cube's
/// bottom face centre), `target`, `objectInit`, `tcp`, `tcpInit`, both pads, `gripperOpening` and
/// `touchingObject` (info only).
public enum SweepReward {
    /// Success, in-place bound and override radius (m).
    public static let targetRadius = 0.05
    /// MetaWorld's OBJ_RADIUS for the caging term.
    public static let objectRadius = 0.02

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = norm(object - inputs.target)
        let tcpToObject = norm(object - inputs.tcp)
        let inPlace = tolerance(objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - inputs.target))
        let grasped = padGripCagingReward(
            inputs, object: object, objectRadius: objectRadius, gripMargin: objectRadius + 0.01, xzThreshold: 0.005)
        var reward = 2 * grasped + 6 * hamacher(grasped, inPlace)
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
