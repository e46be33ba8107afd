/// pick-place-wall-v3: lift the puck over the wall and hold it at a goal in the air behind it
/// (docs/tasks.md, 'The puck and wall family'). Reads what pick-place-v3 reads.
public enum PickPlaceWallReward {
    /// In-place radius and reward-override radius (m).
    public static let targetRadius = 0.05
    /// Success radius (m).
    public static let successRadius = 0.07
    /// The way-point above the wall (at the goal's x, y 0.77, z 0.25); z errors count 3x.
    public static let midpointYZ = SIMD2<Double>(0.77, 0.25)
    public static let midpointScaling = SIMD3<Double>(1, 1, 3)
    public static let pastWallY = 0.75
    /// The base class's caging term, plain density (pick-place-v3 has its own variant; this
    /// task does not use it).
    public static let caging = GripperCagingParameters(
        objectRadius: 0.015, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.005, density: .plain)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let tcpToObject = norm(object - inputs.tcp)
        let midpoint = SIMD3(inputs.target.x, midpointYZ.x, midpointYZ.y)
        let toMidpoint = tolerance(
            norm((object - midpoint) * midpointScaling), lower: 0, upper: targetRadius,
            margin: norm((inputs.objectInit - midpoint) * midpointScaling))
        let objectToTarget = norm(object - inputs.target)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - inputs.target))
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        let graspedOnTheWay = hamacher(grasped, toMidpoint)

        var reward = graspedOnTheWay
        // Lifted: the TCP on the puck, the gripper reading above 0, the puck 1.5 cm above where
        // it was placed (5 mm into the table, so about 1 cm above its resting height).
        if tcpToObject < 0.02 && inputs.gripperOpening > 0 && object.z - 0.015 > inputs.objectInit.z {
            reward = object.y > pastWallY ? graspedOnTheWay + 5 + 3 * inPlace : graspedOnTheWay + 1 + 4 * toMidpoint
        }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= successRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0 && object.z - 0.02 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
