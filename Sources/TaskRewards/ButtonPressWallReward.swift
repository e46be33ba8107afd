/// button-press-wall-v3: reach round the wall and push the front-facing button into its box
/// (docs/tasks.md, 'The button box family').
/// Reads `object` (button cap front), `tcp`, `target` (the hole site), `tcpInit`, `gripperOpening`.
public enum ButtonPressWallReward {
    /// Success threshold on |target_y − button_y| (m): the button must travel ≥ 6.35 cm.
    public static let successDistance = 0.03
    /// Distance (m) from the button within which the reward switches to its pressing form.
    public static let pressingRadius = 0.07
    public static let pressMargin = ButtonPressTopdownReward.pressMargin

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let tcpToObject = norm(object - inputs.tcp)
        let tcpToObjectInit = norm(object - inputs.tcpInit)
        let objectToTarget = abs(inputs.target.y - object.y)

        let nearButton = tolerance(tcpToObject, lower: 0, upper: 0.01, margin: tcpToObjectInit)
        let pressed = tolerance(objectToTarget, lower: 0, upper: 0.005, margin: pressMargin)

        // Quirk kept: the reward steps up to at least 4 once the tcp comes within 7 cm, and
        // prefers a closed gripper far from the button but an open one near it.
        let reward: Double
        if tcpToObject > pressingRadius {
            reward = 2 * hamacher((1 - inputs.gripperOpening) / 2, nearButton)
        } else {
            reward = 2 + 2 * (1 + inputs.gripperOpening) + 4 * pressed * pressed
        }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successDistance,
            nearObject: tcpToObject <= 0.05, graspSuccess: inputs.gripperOpening > 0,
            graspReward: nearButton, inPlaceReward: pressed, objectToTarget: objectToTarget)
    }
}
