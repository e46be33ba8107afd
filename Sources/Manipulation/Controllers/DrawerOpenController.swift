/// drawer-open-v3: with the gripper open, hang the rear finger behind the handle bar and pull
/// the drawer out toward the goal. Reads only the observation: the handle point (1 cm in front
/// of the bar, at bar height) and the goal.
public struct DrawerOpenController: ScriptedController {
    /// Hand height above the bar while lining up, and relative to it while pulling (m): the
    /// fingertips 4.3 cm under the bar put the rear finger across it, while the gripper base
    /// (from 1 cm above the hand origin) stays clear of the bar's top.
    static let approachHeight = 0.15
    static let hookDepth = 0.002

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let handle = o.object
        let offsetXY = SIMD2(o.hand.x - handle.x, o.hand.y - handle.y)
        let hooked = SIMD3(handle.x, handle.y, handle.z + Self.hookDepth)
        let target: SIMD3<Double>
        if (offsetXY * offsetXY).sum().squareRoot() > 0.012 && o.hand.z < handle.z + Self.hookDepth + 0.03 {
            // Low but not over the handle (only after a slip): rise before moving sideways.
            target = SIMD3(o.hand.x, o.hand.y, handle.z + Self.approachHeight)
        } else if (offsetXY * offsetXY).sum().squareRoot() > 0.012 {
            target = SIMD3(handle.x, handle.y, handle.z + Self.approachHeight)
        } else if o.hand.z > hooked.z + 0.008 {
            target = hooked
        } else {
            // Pull past the goal: the slide's stop, not the hand, ends the travel.
            target = SIMD3(handle.x, o.goal.y - 0.05, hooked.z)
        }
        return SIMD4(move(from: o.hand, to: target), -1)
    }
}
