/// push-wall-v3: slide the puck round the wall's left end to a goal behind it (docs/tasks.md,
/// 'The puck and wall family'). Reads what push-v3 reads.
public enum PushWallReward {
    /// In-place radius and reward-override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m): looser than the override radius, as pick-place's.
    public static let successRadius = 0.07
    /// The way-point the first in-place term pulls toward: left of the wall's end, at the
    /// puck's own height; x errors count 3x.
    public static let midpointXY = SIMD2<Double>(-0.05, 0.77)
    public static let midpointScaling = SIMD3<Double>(3, 1, 1)
    /// The y beyond which the puck is past the wall and the second term takes over.
    public static let pastWallY = 0.75

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let tcpToObject = norm(object - inputs.tcp)
        let midpoint = SIMD3(midpointXY.x, midpointXY.y, object.z)
        let toMidpoint = tolerance(
            norm((object - midpoint) * midpointScaling), lower: 0, upper: targetRadius,
            margin: norm((inputs.objectInit - midpoint) * midpointScaling))
        let objectToTarget = norm(object - inputs.target)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - inputs.target))
        let grasped = gripperCagingReward(inputs, object: object, parameters: PushReward.caging)

        var reward = 2 * grasped
        if tcpToObject < 0.02 && inputs.gripperOpening > 0 {
            reward = object.y > pastWallY ? 2 * grasped + 5 + 3 * inPlace : 2 * grasped + 1 + 4 * toMidpoint
        }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0 && object.z - 0.02 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
