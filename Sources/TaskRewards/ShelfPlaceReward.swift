/// shelf-place-v3: put the cube on the bookcase's upper board (docs/tasks.md, 'The shelf').
/// Reads what pick-place reads.
public enum ShelfPlaceReward {
    /// In-place bound and override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m).
    public static let successRadius = 0.07
    public static let caging = GripperCagingParameters(
        objectRadius: 0.02, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.01, density: .plain)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object, target = inputs.target
        let objectToTarget = norm(object - target)
        let tcpToObject = norm(object - inputs.tcp)
        var inPlace = tolerance(objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - target))
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        var reward = hamacher(grasped, inPlace)
        // Below the upper board (z < 0.24) within 15 cm of the goal in x, the in-place term, used
        // only by the bonus, shrinks in front of the case and vanishes behind the goal's y.
        let belowBoard = object.z > 0 && object.z < 0.24 && abs(object.x - target.x) < 0.15
        if belowBoard && object.y > target.y - 3 * targetRadius && object.y < target.y {
            let zScaling = (0.24 - object.z) / 0.24
            let yScaling = (object.y - (target.y - 3 * targetRadius)) / (3 * targetRadius)
            inPlace = min(max(inPlace - hamacher(yScaling, zScaling), 0), 1)
        }
        if belowBoard && object.y > target.y { inPlace = 0 }
        if tcpToObject < 0.025 && inputs.gripperOpening > 0 && object.z - 0.01 > inputs.objectInit.z {
            reward += 1 + 5 * inPlace
        }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0 && object.z - 0.02 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
