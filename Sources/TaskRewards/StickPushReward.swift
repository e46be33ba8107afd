/// stick-push-v3: grasp the stick and push the thermos with it to the goal (metaworld-mt50.md
/// 12.33).
///
/// Reads, all world frame:
/// - `object`: obs[4:7], the `stick` body position (the reward's stick point is 1.5 cm further
///   along +x).
/// - `secondObject`: obs[11:14], the thermos point = the `insertion` site + (0, 0.09, 0), on
///   the thermos axis at the handle's height.
/// - `target`: obs[36:39] = `_target_pos`, the layout's goal x, y at the `insertion` site's
///   height at reset (0.132).
/// - `objectInit`: MetaWorld's `stick_init_pos`, the stick as placed at reset: drawn x, y, z 0.02.
///   (MetaWorld's `obj_init_pos` is the thermos base, fixed: `StickThermos.thermosBase`.)
/// - `tcp`, `tcpInit`, both pads, `gripperOpening`, the raw gripper action and `touchingObject`
///   (both pads pressing the stick `objGeom`: part of the success test).
public enum StickPushReward {
    /// Success, in-place bounds and override radius (m).
    public static let targetRadius = 0.12
    /// The reward's stick point, relative to the stick body position.
    public static let stickOffset = SIMD3<Double>(0.015, 0, 0)
    /// This env overrides the caging function only to measure its margins from the stick's
    /// start (`objectInit` here) instead of `obj_init_pos`.
    public static let caging = GripperCagingParameters(
        objectRadius: 0.04, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.01, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let stick = inputs.object + stickOffset
        let container = inputs.secondObject
        let target = inputs.target
        let tcpToStick = norm(stick - inputs.tcp)
        let stickInPlace = tolerance(
            norm(stick - target), lower: 0, upper: targetRadius, margin: norm(inputs.objectInit - target) - targetRadius)
        let containerToTarget = norm(container - target)
        let containerInPlace = tolerance(
            containerToTarget, lower: 0, upper: targetRadius,
            margin: norm(StickThermos.thermosBase - target) - targetRadius)
        var grasped = gripperCagingReward(inputs, object: stick, parameters: caging)
        var reward = grasped
        if tcpToStick < 0.02 && inputs.gripperOpening > 0 && stick.z - 0.01 > inputs.objectInit.z {
            grasped = 1
            reward = 2 + 5 * stickInPlace + 3 * containerInPlace
            // Quirk kept: the override lives inside the held branch; a thermos pushed home
            // without the stick in hand earns no 10.
            if containerToTarget <= targetRadius { reward = 10 }
        }
        // Quirk kept: success also wants the stick pressed by both pads and lifted 1 cm.
        let graspSuccess = inputs.touchingObject && inputs.gripperOpening > 0
            && inputs.object.z - 0.01 > inputs.objectInit.z
        return RewardOutput(
            reward: reward, success: graspSuccess && containerToTarget <= targetRadius,
            nearObject: tcpToStick <= 0.03, graspSuccess: graspSuccess,
            graspReward: grasped, inPlaceReward: stickInPlace, objectToTarget: containerToTarget)
    }
}
