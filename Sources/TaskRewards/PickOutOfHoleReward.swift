/// pick-out-of-hole-v3: lift the cylinder out of the hole to a goal in the air (docs/tasks.md,
/// 'Pick out of hole'). Reads what pick-place reads.
public enum PickOutOfHoleReward {
    /// Success radius (m).
    public static let successRadius = 0.07
    /// Override radius (m): the base class's 0.05 (the class's own 0.02 is unused).
    public static let targetRadius = 0.05
    public static let caging = GripperCagingParameters(
        objectRadius: 0.015, padSuccessThreshold: 0.02, objectReachRadius: 0.01, xzThreshold: 0.03,
        desiredGripperEffort: 0.1, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object, tcp = inputs.tcp
        let objectToTarget = norm(object - inputs.target)
        let tcpToObject = norm(object - tcp)
        // A funnel round the start: away from it the TCP is expected above a floor rising
        // with the log of the distance, so it does not run into the hole's edge.
        let dx = tcp.x - inputs.objectInit.x, dy = tcp.y - inputs.objectInit.y
        let radius = (dx * dx + dy * dy).squareRoot()
        let floor = radius <= 0.03 ? 0 : 0.015 * _log(radius - 0.03) + 0.15
        let aboveFloor = tcp.z >= floor ? 1 : tolerance(max(floor - tcp.z, 0), lower: 0, upper: 0.01, margin: 0.02)
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        let inPlace = tolerance(objectToTarget, lower: 0, upper: 0.02, margin: norm(inputs.objectInit - inputs.target))
        var reward = hamacher(grasped, inPlace)
        let lifted = object.z - 0.02 > inputs.objectInit.z
        let held = tcpToObject < 0.04 && lifted && !(inputs.gripperOpening < 0.33)
        if held { reward += 1 + 5 * hamacher(inPlace, aboveFloor) }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: held, graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
