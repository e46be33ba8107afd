/// door-close-v3: shut the open door (docs/tasks.md, 'The door family').
/// Reads `object` (the handle centre), `tcp`, `target`, `objectInit` (the door body) and
/// `handInit`.
public enum DoorCloseReward {
    /// In-place radius and reward-override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m): the handle within 8 cm of the closed position.
    public static let successRadius = 0.08

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = norm(object - inputs.target)
        let tcpToTarget = norm(inputs.tcp - inputs.target)
        // Both terms Gaussian; the hand's margin is measured from hand_init to the *current*
        // handle, plus 10 cm.
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - inputs.target),
            sigmoid: .gaussian)
        let handInPlace = tolerance(
            tcpToTarget, lower: 0, upper: 0.25 * targetRadius, margin: norm(inputs.handInit - object) + 0.1,
            sigmoid: .gaussian)
        var reward = 3 * handInPlace + 6 * inPlace
        if objectToTarget < targetRadius { reward = 10 }
        // MetaWorld reports near_object 0, grasp_success and grasp_reward 1, and the hand term
        // as in_place_reward.
        return RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: false, graspSuccess: true,
            graspReward: 1, inPlaceReward: handInPlace, objectToTarget: objectToTarget)
    }
}
