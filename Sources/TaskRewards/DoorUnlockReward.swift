/// door-unlock-v3: lift the lock lever back up (docs/tasks.md, 'The door family').
/// Reads `hand` (obs[0:3]), `object` (the lockStartUnlock site), `target`, `tcpInit`,
/// `objectInit` (the lever's hinge point) and `gripperOpening`.
public enum DoorUnlockReward {
    /// Success threshold on |target_x − site_x| (m).
    public static let successDistance = 0.02
    public static let lockLength = DoorLockReward.lockLength
    /// MetaWorld's offset from the hand to the gripper's "shoulder", the point that should meet
    /// the lever, and the weights of that offset.
    public static let shoulderOffset = SIMD3<Double>(0, 0.055, 0.07)
    public static let shoulderScaling = SIMD3<Double>(0.25, 1, 0.5)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let object = inputs.object
        let shoulderToLock = norm((inputs.hand + shoulderOffset - object) * shoulderScaling)
        let shoulderToLockInit = norm((inputs.tcpInit + shoulderOffset - inputs.objectInit) * shoulderScaling)
        let ready = tolerance(shoulderToLock, lower: 0, upper: 0.02, margin: shoulderToLockInit)
        let objectToTarget = abs(inputs.target.x - object.x)
        let pushed = tolerance(objectToTarget, lower: 0, upper: 0.005, margin: lockLength)
        let reward = 2 * ready + 8 * pushed
        return RewardOutput(
            reward: reward, success: objectToTarget <= successDistance, nearObject: shoulderToLock <= 0.05,
            graspSuccess: inputs.gripperOpening > 0, graspReward: ready, inPlaceReward: pushed,
            objectToTarget: objectToTarget)
    }
}
