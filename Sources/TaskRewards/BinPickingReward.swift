/// bin-picking-v3: carry the cube from the start bin into the goal bin (metaworld-mt50.md 12.3).
///
/// Reads, all world frame:
/// - `hand`: obs[0:3], the `hand` body origin (the funnel floor and the near test use it).
/// - `object`: obs[4:7], the cube `obj` body position.
/// - `target`: obs[36:39] = `_target_pos`, the `bin_goal` body origin (0.12, 0.7, 0), the
///   goal bin's floor centre (the layout's goal components are drawn but unused).
/// - `objectInit`: MetaWorld's `obj_init_pos`, the cube as placed at reset: drawn x, y and
///   z = the cube's height read just before it is moved (≈0.029995, resting in the XML place).
/// - `extra`: the cube position obs[4:7] at the episode's *first step* (after the first action).
///   Quirk kept: MetaWorld takes the in-place margin `_target_to_obj_init` lazily at the first
///   reward call after a reset, not at the reset itself.
/// - `tcp`, `tcpInit`, both pads, `gripperOpening` and the raw gripper action.
public enum BinPickingReward {
    /// Success, in-place bound and override radius (m, the base class's TARGET_RADIUS).
    public static let targetRadius = 0.05
    public static let caging = GripperCagingParameters(
        objectRadius: 0.015, padSuccessThreshold: 0.05, objectReachRadius: 0.01, xzThreshold: 0.01,
        desiredGripperEffort: 0.7, density: .high)

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let hand = inputs.hand, object = inputs.object, target = inputs.target
        let objectToTarget = norm(object - target)
        let inPlace = tolerance(objectToTarget, lower: 0, upper: targetRadius, margin: norm(inputs.extra - target))
        // A pair of funnels round the start and the goal keeps the hand above the bin walls
        // away from them.
        @inline(__always) func funnelFloor(_ centre: SIMD3<Double>) -> Double {
            let dx = hand.x - centre.x, dy = hand.y - centre.y
            let radius = (dx * dx + dy * dy).squareRoot()
            return radius > 0.03 ? 0.02 * _log(radius - 0.03) + 0.2 : 0
        }
        let floor = min(funnelFloor(inputs.objectInit), funnelFloor(target))
        let aboveFloor = hand.z >= floor
            ? 1 : tolerance(max(floor - hand.z, 0), lower: 0, upper: 0.01, margin: 0.05)
        let grasped = gripperCagingReward(inputs, object: object, parameters: caging)
        var reward = hamacher(grasped, inPlace)
        let near = norm(object - hand) < 0.04
        let pinchedWithoutObject = inputs.gripperOpening < 0.43
        let lifted = object.z - 0.02 > inputs.objectInit.z
        let graspSuccess = near && lifted && !pinchedWithoutObject
        if graspSuccess { reward += 1 + 5 * hamacher(aboveFloor, inPlace) }
        if objectToTarget < targetRadius { reward = 10 }
        return RewardOutput(
            reward: reward, success: objectToTarget <= targetRadius, nearObject: near, graspSuccess: graspSuccess,
            graspReward: grasped, inPlaceReward: inPlace, objectToTarget: objectToTarget)
    }
}
