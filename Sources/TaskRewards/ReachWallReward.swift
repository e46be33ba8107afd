/// reach-wall-v3: bring the fingertips to a point in the air behind the wall (docs/tasks.md,
/// 'The puck and wall family'). Reads `tcp`, `target`, `handInit`.
public enum ReachWallReward {
    /// Success and in-place radius (m).
    public static let targetRadius = ReachReward.targetRadius

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        // reach-v3's formula; unlike reach-v3, MetaWorld reports no near-object, grasp or
        // grasp-reward value here (all 0).
        let reach = ReachReward.evaluate(inputs)
        return RewardOutput(
            reward: reach.reward, success: reach.success, nearObject: false, graspSuccess: false,
            graspReward: 0, inPlaceReward: reach.inPlaceReward, objectToTarget: reach.objectToTarget)
    }
}
