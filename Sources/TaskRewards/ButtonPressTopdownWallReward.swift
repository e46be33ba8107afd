/// button-press-topdown-wall-v3: press MT10's button box from above, a wall standing in front
/// of it (docs/tasks.md, 'The button box family').
/// Reads `object` (button cap top), `tcp`, `target` (the hole site), `tcpInit`, `gripperOpening`.
public enum ButtonPressTopdownWallReward {
    /// Success threshold on |target_z − button_z| (m), as MT10's topdown press.
    public static let successDistance = ButtonPressTopdownReward.successDistance
    public static let pressMargin = ButtonPressTopdownReward.pressMargin

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let tcpToObject = norm(object - inputs.tcp)
        let tcpToObjectInit = norm(object - inputs.tcpInit)
        let objectToTarget = abs(inputs.target.z - object.z)

        // The one difference to MT10's topdown press: an *open* gripper, max(obs[3], 0), earns
        // the gripper term, so this reward reaches 10.
        let tcpOpen = max(inputs.gripperOpening, 0)
        let nearButton = tolerance(tcpToObject, lower: 0, upper: 0.01, margin: tcpToObjectInit)
        let pressed = tolerance(objectToTarget, lower: 0, upper: 0.005, margin: pressMargin)

        var reward = 5 * hamacher(tcpOpen, nearButton)
        if tcpToObject <= 0.03 { reward += 5 * pressed }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successDistance,
            nearObject: tcpToObject <= 0.05, graspSuccess: inputs.gripperOpening > 0,
            graspReward: nearButton, inPlaceReward: pressed, objectToTarget: objectToTarget)
    }
}
