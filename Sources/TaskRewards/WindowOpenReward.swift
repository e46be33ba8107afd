/// window-open-v3: slide the window pane open (+x) by its handle (docs/tasks.md, 'window-open-v3').
/// Reads `object` (handleOpenStart site), `tcp`, `target`, `objectInit` (the handle site at
/// reset) and `tcpInit`.
public enum WindowOpenReward {
    /// In-place and success radius on |handle_x − target_x| (m): MetaWorld's TARGET_RADIUS.
    public static let targetRadius = 0.05
    /// TCP-to-handle distance that counts as reached (m).
    public static let handleRadius = 0.02
    /// MetaWorld measures the initial x distance from the window *body* (obj_init_pos) to the
    /// target, which is exactly the 0.2 m slide travel for every layout, so the in-place margin
    /// is |0.2 − 0.05| = 0.15 m.
    public static let inPlaceMargin = abs(0.2 - targetRadius)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let targetToObject = abs(object.x - inputs.target.x)
        let inPlace = tolerance(targetToObject, lower: 0, upper: targetRadius, margin: inPlaceMargin)
        let tcpToObject = norm(object - inputs.tcp)
        let tcpToObjectInit = norm(inputs.objectInit - inputs.tcpInit)
        let reach = tolerance(
            tcpToObject, lower: 0, upper: handleRadius,
            margin: abs(tcpToObjectInit - handleRadius))
        // No success override: full 10 needs the hand still on the handle.
        return RewardOutput(
            reward: 10 * hamacher(reach, inPlace), success: targetToObject <= targetRadius,
            nearObject: tcpToObject <= 0.05, graspSuccess: true,
            graspReward: reach, inPlaceReward: inPlace, objectToTarget: targetToObject)
    }
}
