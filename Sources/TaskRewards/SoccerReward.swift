/// soccer-v3: push the ball into the goal (metaworld-mt50.md 12.32).
///
/// Reads, all world frame:
/// - `object`: obs[4:7], the `soccer_ball` body position (its centre).
/// - `target`: obs[36:39] = `_target_pos`, the `goal_whole` body origin (on the floor, z 0,
///   6.4 cm behind the goal mouth).
/// - `objectInit`: MetaWorld's `obj_init_pos`, the ball as placed at reset: drawn x, y and
///   z = 0.03 (it then drops to rest at ≈0.0259).
/// - `tcp`, `tcpInit`, `leftPad`, `rightPad` (the pad-gripping caging variant), `gripperOpening`
///   and `touchingObject` (info only: the ball `objGeom` touched by both pads).
public enum SoccerReward {
    /// Success radius on the unscaled distance, and in-place bound and override radius on the
    /// x-scaled distance (m, MetaWorld's TARGET_RADIUS).
    public static let targetRadius = 0.07
    /// MetaWorld's OBJ_RADIUS for the caging term (the ball's radius is 0.026).
    public static let objectRadius = 0.013
    /// x errors weigh triple: the ball must go through the mouth, not past a post.
    public static let scaling = SIMD3<Double>(3, 1, 1)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object, target = inputs.target
        let tcpToObject = norm(object - inputs.tcp)
        let scaledToTarget = norm((object - target) * scaling)
        // Quirk kept: the margin is the ball's distance from its *own start*, not the goal's,
        // so it is 0 (a step: 1 in the radius, 0 outside) until the ball has moved.
        let margin = norm((object - inputs.objectInit) * scaling)
        var inPlace = tolerance(scaledToTarget, lower: 0, upper: targetRadius, margin: margin)
        // Past the goal line (10 cm in front of the goal origin) outside the posts, the
        // in-place term shrinks with the distance past the line.
        let goalLine = target.y - 0.1
        if object.y > goalLine && abs(object.x - target.x) > 0.1 {
            inPlace = min(max(inPlace - 2 * ((object.y - goalLine) / (1 - goalLine)), 0), 1)
        }
        let grasped = padGripCagingReward(
            inputs, object: object, objectRadius: objectRadius, gripMargin: objectRadius + 0.01, xzThreshold: 0.005)
        var reward = 3 * grasped + 6.5 * inPlace
        if scaledToTarget < targetRadius { reward = 10 }
        let objectToTarget = norm(object - target)
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: tcpToObject <= 0.03,
            graspSuccess: inputs.touchingObject && inputs.gripperOpening > 0 && object.z - 0.02 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
