/// stick-pull-v3: grasp the stick, hook it into the thermos handle and pull the thermos to the
/// goal (metaworld-mt50.md 12.34).
///
/// Reads, all world frame:
/// - `object`: obs[4:7], the `stick` body position.
/// - `extra`: the `stick_end` site (the stick's +x end face centre).
/// - `secondObject`: obs[11:14], the `insertion` site, the centre of the thermos's handle loop.
/// - `target`: obs[36:39] = `_target_pos`, the layout's goal x, y at z 0.02 (on the table).
/// - `objectInit`: MetaWorld's `stick_init_pos`, the stick as placed at reset: drawn x, y, z 0.02.
///   (MetaWorld's `obj_init_pos` is the thermos base, fixed: `StickThermos.thermosBase`.)
/// - `tcp`, `tcpInit`, both pads, `gripperOpening`, the raw gripper action and `touchingObject`
///   (info only: both pads pressing the stick `objGeom`).
public enum StickPullReward {
    /// In-place bounds (m).
    public static let targetRadius = 0.05
    /// Success and override threshold on ‖handle − target‖ (m).
    public static let successDistance = 0.12
    /// The container point the stick should reach: 5 cm in +x of the handle loop.
    public static let containerOffset = SIMD3<Double>(0.05, 0, 0)
    /// z errors of the stick against the container weigh double.
    public static let stickScaling = SIMD3<Double>(1, 1, 2)
    public static let caging = GripperCagingParameters(
        objectRadius: 0.014, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.01, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let stick = inputs.object, end = inputs.extra, handle = inputs.secondObject
        let target = inputs.target, stickInit = inputs.objectInit
        let container = handle + containerOffset
        let containerInit = StickThermos.thermosBase + containerOffset
        let tcpToStick = norm(stick - inputs.tcp)
        let handleToTarget = norm(handle - target)
        let stickInPlace = tolerance(
            norm((stick - container) * stickScaling), lower: 0, upper: targetRadius,
            margin: norm((stickInit - containerInit) * stickScaling))
        let stickInPlace2 = tolerance(norm(stick - target), lower: 0, upper: targetRadius, margin: norm(stickInit - target))
        // Quirk kept: the container point sits 5 cm off the handle, its margin is from the
        // thermos base without that offset.
        let containerInPlace = tolerance(
            norm(container - target), lower: 0, upper: targetRadius, margin: norm(StickThermos.thermosBase - target))
        // This env keeps the base caging, so its margins are measured from `obj_init_pos`, the
        // thermos base, not from the stick's start.
        var cagingInputs = inputs
        cagingInputs.objectInit = StickThermos.thermosBase
        let held = tcpToStick < 0.02 && inputs.gripperOpening > 0 && stick.z - 0.01 > stickInit.z
        let grasped = held ? 1 : gripperCagingReward(cagingInputs, object: stick, parameters: caging)
        let inPlaceAndGrasped = hamacher(grasped, stickInPlace)
        let inserted = isInserted(end: end, handle: handle)
        var reward = inPlaceAndGrasped
        if held {
            reward = 1 + inPlaceAndGrasped + 5 * stickInPlace
            if inserted {
                reward = 1 + inPlaceAndGrasped + 5 + 2 * stickInPlace2 + containerInPlace
                if handleToTarget <= successDistance { reward = 10 }
            }
        }
        // The info's grasp test compares the stick's height with the thermos base's (z 0), not
        // with the stick's start as the reward's does.
        return RewardOutput(
            reward: reward, success: handleToTarget <= successDistance && inserted,
            nearObject: tcpToStick <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0 && stick.z - 0.02 > StickThermos.thermosBase.z,
            graspReward: grasped, inPlaceReward: stickInPlace, objectToTarget: handleToTarget)
    }

    /// MetaWorld's `_stick_is_inserted`: the stick's end at or past the loop centre in x, within
    /// 4 cm of it in y and 6 cm in z.
    @inlinable
    public static func isInserted(end: SIMD3<Double>, handle: SIMD3<Double>) -> Bool {
        end.x >= handle.x && abs(end.y - handle.y) <= 0.04 && abs(end.z - handle.z) <= 0.06
    }
}
