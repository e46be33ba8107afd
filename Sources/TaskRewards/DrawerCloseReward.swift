/// drawer-close-v3: push the pulled-out drawer shut (docs/tasks.md, 'drawer-close-v3').
/// Reads `object` (handle point + 5 cm up), `tcp`, `target`, `objectInit` (that point at reset,
/// drawer pulled out), `tcpInit` and the raw gripper action.
public enum DrawerCloseReward {
    /// In-place radius (m). Quirk kept: the class declares a radius of 0.04, but the reward
    /// code reads the base class's TARGET_RADIUS, 0.05.
    public static let targetRadius = 0.05
    /// Success and override threshold: TARGET_RADIUS + 0.015 (m).
    public static let successDistance = targetRadius + 0.015
    /// TCP-to-handle distance that counts as reached (m).
    public static let handleReachRadius = 0.005

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let targetToObject = norm(object - inputs.target)
        let targetToObjectInit = norm(inputs.objectInit - inputs.target)
        let inPlace = tolerance(
            targetToObject, lower: 0, upper: targetRadius,
            margin: abs(targetToObjectInit - targetRadius))

        let tcpToObject = norm(object - inputs.tcp)
        let tcpToObjectInit = norm(inputs.objectInit - inputs.tcpInit)
        // Gaussian here (not long tail): the reach term is near 0 until the TCP is close.
        var reach = tolerance(
            tcpToObject, lower: 0, upper: handleReachRadius,
            margin: abs(tcpToObjectInit - handleReachRadius), sigmoid: .gaussian)
        let gripperClosed = min(max(0, inputs.gripperAction), 1)
        // Reaching only pays while the gripper is commanded closed (a3 > 0).
        reach = hamacher(reach, gripperClosed)

        var reward = hamacher(reach, inPlace)
        if targetToObject <= successDistance { reward = 1 }
        reward *= 10
        return RewardOutput(
            reward: reward, success: targetToObject <= successDistance,
            nearObject: tcpToObject <= 0.01, graspSuccess: true,
            graspReward: reach, inPlaceReward: inPlace, objectToTarget: targetToObject)
    }
}
