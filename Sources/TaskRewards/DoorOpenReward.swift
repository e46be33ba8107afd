/// door-open-v3: swing the door open by its handle (docs/tasks.md, 'door-open-v3').
/// Reads `hand` (obs[0:3], not the TCP), `object` (handle centre), `target`, `jointPosition`
/// (hinge angle θ, rad, negative = open) and the raw gripper action.
public enum DoorOpenReward {
    /// Success and override threshold on |handle_x − target_x| (m).
    public static let successDistanceX = 0.08

    @inlinable
    public static func evaluate(_ inputs: RewardInputs) -> RewardOutput {
        let theta = inputs.jointPosition
        // Rises linearly with the raw a3 clipped to [−1, 1]: 0 when opening hard, ½ when
        // relaxed, 1 when closing hard.
        let grab = (min(max(inputs.gripperAction, -1), 1) + 1) / 2
        let (ready, opened) = readyAndOpened(inputs, theta: theta)
        var reward = 2 * hamacher(ready, grab) + 8 * opened
        let handleToTargetX = abs(inputs.object.x - inputs.target.x)
        if handleToTargetX <= successDistanceX { reward = 10 }
        // MetaWorld's near_object is the float `ready`; ready is exactly 1 only when the hand
        // is inside the 6 cm handle zone and above the funnel floor, which is what the flag
        // reports here. obj_to_target is a literal 0 in MetaWorld and kept so.
        return RewardOutput(
            reward: reward, success: handleToTargetX <= successDistanceX,
            nearObject: ready >= 1, graspSuccess: grab >= 0.5,
            graspReward: grab, inPlaceReward: opened, objectToTarget: 0)
    }

    /// MetaWorld's `_reward_pos`: (ready to open, opened), both in [0, 1].
    @inlinable
    public static func readyAndOpened(_ inputs: RewardInputs, theta: Double) -> (Double, Double) {
        let hand = inputs.hand
        let door = inputs.object + SIMD3(-0.05, 0, 0)
        let threshold = 0.12
        // A funnel around the handle: the further away in xy, the higher the hand must stay,
        // so it does not run into the handle on the way in.
        let radius = (SIMD2(hand.x, hand.y) - SIMD2(door.x, door.y))
        let radiusLength = (radius.x * radius.x + radius.y * radius.y).squareRoot()
        let floor = radiusLength <= threshold ? 0 : 0.04 * _log(radiusLength - threshold) + 0.4
        // floor/2 is negative only within e^−10 m of the funnel rim with the hand below the
        // table; `tolerance` then acts as MetaWorld's margin 0 instead of raising.
        let aboveFloor = hand.z >= floor
            ? 1
            : tolerance(floor - hand.z, lower: 0, upper: 0.01, margin: floor / 2)
        let inPlace = tolerance(
            norm(hand - door - SIMD3(0.05, 0.03, -0.01)), lower: 0, upper: threshold / 2,
            margin: 0.5)
        let ready = hamacher(aboveFloor, inPlace)

        let doorAngle = -theta
        // 0.2 for any opening beyond 2°, 0.8 more as the door nears 2π/3 (full credit from
        // 2π/3 − 0.5 ≈ 1.59 rad).
        let opened = 0.2 * (theta < -Double.pi / 90 ? 1 : 0)
            + 0.8 * tolerance(
                Double.pi / 2 + Double.pi / 6 - doorAngle, lower: 0, upper: 0.5,
                margin: Double.pi / 3)
        return (ready, opened)
    }
}
