/// lever-pull-v3: get under the lever and swing it up to vertical (metaworld-mt50.md 12.24).
///
/// Reads, all world frame:
/// - `hand`: obs[0:3], the `hand` body origin (MetaWorld's "gripper"; the reward wants the
///   arm's shoulder, 5.5 cm ahead and 7 cm above it, under the lever).
/// - `object`: obs[4:7], the `leverStart` site (the lever's free end).
/// - `jointPosition`: the `LeverAxis` hinge qpos (rad; 0 lever down toward the robot, −π/2 up).
/// - `objectInit`: MetaWorld's `obj_init_pos`, the layout = the `lever` body position (z 0).
///   The target and MetaWorld's `_lever_pos_init` are offsets from it.
/// - `target`: obs[36:39] = `_target_pos` = lever body + (0.12, 0, 0.45), where the lever's end
///   points with the lever up.
/// - `tcpInit`.
public enum LeverPullReward {
    /// MetaWorld's LEVER_RADIUS (m).
    public static let leverRadius = 0.2
    /// `_lever_pos_init` relative to the lever body: where the end sits at reset, lever down.
    public static let leverStartOffset = SIMD3<Double>(0.12, -leverRadius, 0.25)
    /// The shoulder point MetaWorld puts under the lever, relative to the hand.
    public static let shoulderOffset = SIMD3<Double>(0, 0.055, 0.07)
    /// x and z errors of the shoulder weigh four times: get under the lever first.
    public static let shoulderScaling = SIMD3<Double>(4, 1, 4)
    /// Success: within π/24 of vertical.
    public static let successAngle = Double.pi / 24

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let lever = inputs.object, target = inputs.target
        let leverPosInit = inputs.objectInit + leverStartOffset
        let shoulderToLever = norm((inputs.hand + shoulderOffset - lever) * shoulderScaling)
        // Quirk kept: the margin starts from the TCP at reset, not the hand the term reads.
        let shoulderToLeverInit = norm((inputs.tcpInit + shoulderOffset - leverPosInit) * shoulderScaling)
        let ready = tolerance(shoulderToLever, lower: 0, upper: 0.02, margin: shoulderToLeverInit)
        let leverError = abs(-inputs.jointPosition - Double.pi / 2)
        // Reported only: the reward uses the end's distance to the target instead.
        let engagement = tolerance(leverError, lower: 0, upper: Double.pi / 48, margin: Double.pi / 2 - Double.pi / 12)
        let inPlace = tolerance(norm(lever - target), lower: 0, upper: 0.04, margin: norm(leverPosInit - target))
        // Quirk kept: no success override, so success can earn less than 10. MetaWorld reports
        // the shoulder distance as obj_to_target and the engagement as in_place_reward.
        return RewardOutput(
            reward: 10 * hamacher(ready, inPlace), success: leverError <= successAngle,
            nearObject: shoulderToLever < 0.03, graspSuccess: ready > 0.9,
            graspReward: ready, inPlaceReward: engagement, objectToTarget: shoulderToLever)
    }
}
