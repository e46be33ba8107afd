/// door-lock-v3: turn the lock lever down (docs/tasks.md, 'The door family').
/// Reads `object` (the lockStartLock site), `leftPad`, `target` and `gripperOpening`.
public enum DoorLockReward {
    /// Success threshold on |target_z − site_z| (m).
    public static let successDistance = 0.02
    /// MetaWorld's `_lock_length`, the pressed term's margin (m).
    public static let lockLength = 0.1
    /// Weights of the left pad's offset from the site (x counts a quarter, z a half).
    public static let padScaling = SIMD3<Double>(0.25, 1, 0.5)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let padToObject = norm((object - inputs.leftPad) * padScaling)
        // Quirk kept: the margin is the same distance from MetaWorld's `init_left_pad`, a live
        // view of the current pad, so near = 1 within 1 cm and about 0.1-1 beyond, never less.
        let near = tolerance(padToObject, lower: 0, upper: 0.01, margin: padToObject)
        let objectToTarget = abs(inputs.target.z - object.z)
        let pressed = tolerance(objectToTarget, lower: 0, upper: 0.005, margin: lockLength)
        let reward = 2 * hamacher(max(inputs.gripperOpening, 0), near) + 8 * pressed
        return RewardOutput(
            reward: reward, success: objectToTarget <= successDistance, nearObject: padToObject <= 0.05,
            graspSuccess: inputs.gripperOpening > 0, graspReward: near, inPlaceReward: pressed,
            objectToTarget: objectToTarget)
    }
}
