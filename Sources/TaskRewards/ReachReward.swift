/// reach-v3: bring the fingertips to a point in the air (docs/tasks.md, 'reach-v3').
/// Reads `tcp`, `target`, `handInit`.
public enum ReachReward {
    /// Success and in-place radius (m).
    public static let targetRadius = 0.05

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let tcpToTarget = norm(inputs.tcp - inputs.target)
        // The margin is measured from the hand_init_pos (the mocap target at reset), not from
        // the TCP, so at reset the reward is a little above 1.
        let inPlace = tolerance(
            tcpToTarget, lower: 0, upper: targetRadius,
            margin: norm(inputs.handInit - inputs.target))
        let success = tcpToTarget <= targetRadius
        // No explicit override: inside the radius tolerance is already 1, so the reward is 10.
        // MetaWorld reports the distance itself as `near_object` and `grasp_reward`; the Bool
        // slot gets the success test instead, and graspSuccess is always 1 as in MetaWorld.
        return RewardOutput(
            reward: 10 * inPlace, success: success, nearObject: success, graspSuccess: true,
            graspReward: tcpToTarget, inPlaceReward: inPlace, objectToTarget: tcpToTarget)
    }
}
