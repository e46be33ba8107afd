/// drawer-open-v3: pull the drawer out by its handle (docs/tasks.md, 'drawer-open-v3').
/// Reads `hand` (obs[0:3], not the TCP), `object` (handle point), `target`, `tcpInit`,
/// `gripperOpening` (info only).
public enum DrawerOpenReward {
    /// MetaWorld's `maxDist`: the target lies this far (m) in front of the closed handle point,
    /// although the slide only travels 0.16 m.
    public static let maxDistance = 0.2
    /// Success threshold on ‖handle − target‖ (m).
    public static let successDistance = 0.03

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let gripper = inputs.hand
        let handle = inputs.object
        let handleError = norm(handle - inputs.target)
        let opening = tolerance(handleError, lower: 0, upper: 0.02, margin: maxDistance)

        // x and y errors weigh 3x so the gripper lines up over the handle before dropping.
        let scale = SIMD3<Double>(3, 3, 1)
        let handleInit = inputs.target + SIMD3(0, maxDistance, 0)
        let gripperError = (handle - gripper) * scale
        let gripperErrorInit = (handleInit - inputs.tcpInit) * scale
        let caging = tolerance(
            norm(gripperError), lower: 0, upper: 0.01, margin: norm(gripperErrorInit))

        // No override to 10 on success: the maximum 10 needs the hand on the handle too.
        let reward = 5 * (caging + opening)
        return RewardOutput(
            reward: reward, success: handleError <= successDistance,
            nearObject: norm(handle - gripper) <= 0.03, graspSuccess: inputs.gripperOpening > 0,
            graspReward: caging, inPlaceReward: opening, objectToTarget: handleError)
    }
}
