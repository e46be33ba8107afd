/// peg-insert-side-v3: pick up the peg and push its head into the hole in the block
/// (docs/tasks.md, 'peg-insert-side-v3').
/// Reads `object` (pegGrasp site), `extra` (pegHead site), `tcp`, `target`, `objectInit`
/// (peg body position drawn at reset), `tcpInit`, the pads, `gripperOpening` and the raw gripper action.
public enum PegInsertSideReward {
    /// In-place radius and success/override threshold on the scaled head error (m).
    public static let targetRadius = 0.07
    /// y and z errors weigh double so the peg lines up with the tunnel before it goes in.
    public static let errorScale = SIMD3<Double>(1, 2, 2)
    /// Quirk kept: MetaWorld reads the pegHead site *before* moving the peg to its random
    /// start, so the in-place margin is always measured from the peg's XML default place as it
    /// settles there in MuJoCo 3.3.0: (−0.1, 0.6, 0.0148), these digits read from the package.
    public static let pegHeadInit = SIMD3<Double>(-0.0999999980983087, 0.6, 0.01478468493633015)
    /// target = box + (0.03, 0, 0.13) (the goal site 6.6 cm inside the tunnel mouth), so the
    /// block position is recovered from the target without another input.
    public static let targetAboveBox = SIMD3<Double>(0.03, 0, 0.13)
    public static let caging = GripperCagingParameters(
        objectRadius: 0.0075, padSuccessThreshold: 0.03, objectReachRadius: 0.01,
        xzThreshold: 0.005, density: .high)

    /// Corners of the two collision zones in front of the block face, as world offsets from the
    /// block origin: the XML's box-local sites rotated by the block's `euler="0 0 1.57"` (not
    /// exactly π/2). Zone 1 lies below the tunnel mouth, zone 2 above it.
    public static let collisionZones: CollisionZones = {
        let angle = 1.57
        let c = _cos(angle), s = _sin(angle)
        func world(_ x: Double, _ y: Double, _ z: Double) -> SIMD3<Double> {
            SIMD3(c * x - s * y, s * x + c * y, z)
        }
        return CollisionZones(
            zone1Zero: world(0.1, -0.11, 0.01), zone1One: world(-0.1, -0.15, 0.096),
            zone2Zero: world(0.1, -0.11, 0.16), zone2One: world(-0.1, -0.17, 0.19))
    }()

    /// The `rect_prism_tolerance` corners (zero → reward 0, one → reward 1) of the two zones.
    public struct CollisionZones: Sendable, Equatable {
        public var zone1Zero, zone1One, zone2Zero, zone2One: SIMD3<Double>
    }

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let head = inputs.extra
        let target = inputs.target
        let tcpToObject = norm(object - inputs.tcp)
        let objectToTarget = norm((head - target) * errorScale)
        var inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius,
            margin: norm((pegHeadInit - target) * errorScale))

        let box = target - targetAboveBox
        let zones = collisionZones
        let zone1 = rectPrismTolerance(head, zero: box + zones.zone1Zero, one: box + zones.zone1One)
        let zone2 = rectPrismTolerance(head, zero: box + zones.zone2Zero, one: box + zones.zone2One)
        inPlace = hamacher(inPlace, hamacher(zone2, zone1))

        var grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        // Lifted: close to the peg, gripper reading above 0, grasp site 1 cm above the drawn
        // body position (which is itself 1 cm below the grasp site, see `objectInit`).
        let lifted = tcpToObject < 0.08 && inputs.gripperOpening > 0
            && object.z - 0.01 > inputs.objectInit.z
        if lifted { grasped = 1 }
        var reward = hamacher(grasped, inPlace)
        if lifted { reward += 1 + 5 * inPlace }
        if objectToTarget <= targetRadius { reward = 10 }

        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius,
            nearObject: tcpToObject <= 0.03,
            graspSuccess: tcpToObject < 0.02 && inputs.gripperOpening > 0
                && object.z - 0.01 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
