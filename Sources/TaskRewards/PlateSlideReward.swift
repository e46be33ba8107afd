/// The plate-slide tasks (docs/tasks.md, 'The plate family'). Reads `object` (the plate centre),
/// `target`, `objectInit` (the layout's fixed object point), `tcp` and `tcpInit`.
public enum PlateSlideReward {
    /// In-place bound, grasp bound and override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m).
    public static let successRadius = 0.07

    /// plate-slide-v3: 8 · H(near the plate, in place), 10 within 5 cm.
    @inlinable
    public static func front(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = norm(object - inputs.target)
        let inPlace = tolerance(objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - inputs.target))
        let tcpToObject = norm(inputs.tcp - object)
        let grasped = tolerance(tcpToObject, lower: 0, upper: 0.05, margin: norm(inputs.tcpInit - inputs.objectInit))
        let reward = objectToTarget < targetRadius ? 10 : 8 * hamacher(grasped, inPlace)
        return output(reward: reward, objectToTarget: objectToTarget, tcpToObject: tcpToObject, grasped: grasped, inPlace: inPlace)
    }

    /// plate-slide-side, -back and -back-side: 1.5 · near the plate; with the fingertips down at
    /// the table (TCP z ≤ 0.03) and within 7 cm of the plate, 2 + 7 · in place; 10 within 5 cm.
    /// Both margins are MetaWorld's less 5 cm.
    @inlinable
    public static func sideOrBack(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let objectToTarget = norm(object - inputs.target)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - inputs.target) - targetRadius)
        let tcpToObject = norm(inputs.tcp - object)
        let grasped = tolerance(
            tcpToObject, lower: 0, upper: targetRadius, margin: norm(inputs.tcpInit - inputs.objectInit) - targetRadius)
        var reward = 1.5 * grasped
        if inputs.tcp.z <= 0.03 && tcpToObject < 0.07 { reward = 2 + 7 * inPlace }
        if objectToTarget < targetRadius { reward = 10 }
        return output(reward: reward, objectToTarget: objectToTarget, tcpToObject: tcpToObject, grasped: grasped, inPlace: inPlace)
    }

    @inlinable
    static func output(reward: Double, objectToTarget: Double, tcpToObject: Double, grasped: Double, inPlace: Double) -> RewardOutput {
        RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: false, graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
