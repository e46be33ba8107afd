/// basketball-v3: pick up the ball and hold it above the hoop (metaworld-mt50.md 12.2).
///
/// Reads, all world frame:
/// - `object`: obs[4:7], the `bsktball` body position (the ball centre).
/// - `target`: obs[36:39] = `_target_pos`, the `goal` site on `hooplink`, i.e. the layout's
///   hoop body `basket_goal` + (0, −0.083, 0.25) (the ring centre). It always lies inside the
///   goal space, so `step`'s clip of the observed goal never changes it. The reward replaces
///   its z with 0.3 (below).
/// - `objectInit`: MetaWorld's `obj_init_pos`, the ball as placed at reset: drawn x, y and
///   z = MetaWorld's float32 0.03 = 0.029999999329447746 (the layout's own z is unused).
/// - `tcp`, `tcpInit`, both pads, `gripperOpening` and the raw gripper action.
public enum BasketballReward {
    /// Success, in-place bound and override radius on the scaled distance (m).
    public static let targetRadius = 0.08
    /// Quirk kept: the reward's target is 5 cm above the ring, z forced to 0.3, so holding the
    /// ball just above the hoop succeeds; it need not go through.
    public static let targetHeight = 0.3
    /// z errors weigh double.
    public static let scaling = SIMD3<Double>(1, 1, 2)
    public static let caging = GripperCagingParameters(
        objectRadius: 0.025, padSuccessThreshold: 0.06, objectReachRadius: 0.01, xzThreshold: 0.005, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        var target = inputs.target
        target.z = targetHeight
        let objectToTarget = norm((object - target) * scaling)
        let inPlace = tolerance(
            objectToTarget, lower: 0, upper: targetRadius, margin: norm((inputs.objectInit - target) * scaling))
        let tcpToObject = norm(object - inputs.tcp)
        let held = tcpToObject < 0.035 && inputs.gripperOpening > 0 && object.z - 0.01 > inputs.objectInit.z
        let grasped = held ? 1 : gripperCagingReward(inputs, object: object, parameters: caging)
        var reward = hamacher(grasped, inPlace)
        if held { reward += 1 + 5 * inPlace }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: tcpToObject <= 0.05,
            graspSuccess: inputs.gripperOpening > 0 && object.z - 0.03 > inputs.objectInit.z,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
