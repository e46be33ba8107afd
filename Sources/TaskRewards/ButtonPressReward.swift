/// button-press-v3: push the front-facing button into its box along +y (docs/tasks.md,
/// 'The button box family').
/// Reads `object` (button cap front), `tcp`, `target` (the hole site), `tcpInit`, `gripperOpening`.
public enum ButtonPressReward {
    /// Success threshold on |target_y − button_y| (m): the button must travel ≥ 7.35 cm.
    public static let successDistance = 0.02
    /// |hole_y − buttonStart_y| from the XML sites (0.1 and 0.1935 in front of the box), as for
    /// button-press-topdown (`ButtonPressTopdownReward.pressMargin`).
    public static let pressMargin = ButtonPressTopdownReward.pressMargin

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let tcpToObject = norm(object - inputs.tcp)
        // Measured from the *current* button position, not the one at reset.
        let tcpToObjectInit = norm(object - inputs.tcpInit)
        let objectToTarget = abs(inputs.target.y - object.y)

        // Unlike MT10's topdown press this rewards an *open* gripper, max(obs[3], 0).
        let tcpOpen = max(inputs.gripperOpening, 0)
        let nearButton = tolerance(tcpToObject, lower: 0, upper: 0.05, margin: tcpToObjectInit)
        let pressed = tolerance(objectToTarget, lower: 0, upper: 0.005, margin: pressMargin)

        var reward = 2 * hamacher(tcpOpen, nearButton)
        if tcpToObject <= 0.05 { reward += 8 * pressed }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successDistance,
            nearObject: tcpToObject <= 0.05, graspSuccess: inputs.gripperOpening > 0,
            graspReward: nearButton, inPlaceReward: pressed, objectToTarget: objectToTarget)
    }
}
