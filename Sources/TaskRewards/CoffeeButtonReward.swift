/// coffee-button-v3: push the coffee machine's button in (docs/tasks.md, 'The coffee family').
/// Reads `object` (the button's front face), `tcp`, `target` (the face pushed 3 cm in), `tcpInit`
/// and `gripperOpening`.
public enum CoffeeButtonReward {
    /// Success threshold on |target_y − face_y| (m): the button pushed 1 cm of its 3.
    public static let successDistance = 0.02
    /// MetaWorld's `max_dist`, the button's travel and the pressed term's margin (m).
    public static let travel = 0.03

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let tcpToObject = norm(object - inputs.tcp)
        let objectToTarget = abs(inputs.target.y - object.y)
        let near = tolerance(tcpToObject, lower: 0, upper: 0.05, margin: norm(object - inputs.tcpInit))
        let pressed = tolerance(objectToTarget, lower: 0, upper: 0.005, margin: travel)
        var reward = 2 * hamacher(max(inputs.gripperOpening, 0), near)
        if tcpToObject <= 0.05 { reward += 8 * pressed }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successDistance, nearObject: tcpToObject <= 0.05,
            graspSuccess: inputs.gripperOpening > 0, graspReward: near, inPlaceReward: pressed,
            objectToTarget: objectToTarget)
    }
}
