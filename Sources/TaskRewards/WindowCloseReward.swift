/// window-close-v3: slide the open window pane shut (−x) by its handle (docs/tasks.md,
/// 'window-close-v3').
/// Reads `object` (handleCloseStart site), `tcp`, `target` (the window body position),
/// `objectInit` (the handle site at reset with the window *open*, MetaWorld's
/// `window_handle_pos_init`) and `tcpInit`.
public enum WindowCloseReward {
    /// In-place and success radius on |handle_x − target_x| (m): MetaWorld's TARGET_RADIUS.
    public static let targetRadius = 0.05
    /// TCP-to-handle distance that counts as reached (m).
    public static let handleRadius = 0.02

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let targetToObject = abs(object.x - inputs.target.x)
        // ≈ |0.21 − 0.05| = 0.16 m: the open handle sits 0.21 m right of the window origin.
        let targetToObjectInit = abs(inputs.objectInit.x - inputs.target.x)
        let inPlace = tolerance(
            targetToObject, lower: 0, upper: targetRadius,
            margin: abs(targetToObjectInit - targetRadius))
        let tcpToObject = norm(object - inputs.tcp)
        let tcpToObjectInit = norm(inputs.objectInit - inputs.tcpInit)
        // Gaussian here where window-open uses the long tail.
        let reach = tolerance(
            tcpToObject, lower: 0, upper: handleRadius,
            margin: abs(tcpToObjectInit - handleRadius), sigmoid: .gaussian)
        // No success override.
        return RewardOutput(
            reward: 10 * hamacher(reach, inPlace), success: targetToObject <= targetRadius,
            nearObject: tcpToObject <= 0.05, graspSuccess: true,
            graspReward: reach, inPlaceReward: inPlace, objectToTarget: targetToObject)
    }
}
