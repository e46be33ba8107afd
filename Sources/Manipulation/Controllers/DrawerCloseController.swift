/// drawer-close-v3: come round in front of the pulled-out handle high up, drop in front of it
/// with the gripper closed, and push the drawer shut. Reads only the observation: the observed
/// point (5 cm above the handle point) and the goal (the closed handle point).
public struct DrawerCloseController: ScriptedController {
    /// How far in front of the observed point the fingers drop (m), and the hand height then:
    /// 3 cm under the observed point puts the fingertips 2.5 cm under the bar.
    static let standOff = 0.07
    static let pushHeight = -0.03

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let point = o.object
        let aligned = abs(o.hand.x - point.x) < 0.015
        let low = o.hand.z < point.z + Self.pushHeight + 0.02
        let high = point.z + 0.15
        let target: SIMD3<Double>
        if low && aligned && o.hand.y < point.y {
            // Push until the drawer is shut: the goal lies on the closed handle point.
            target = SIMD3(point.x, o.goal.y + 0.02, point.z + Self.pushHeight)
        } else if aligned && o.hand.y < point.y - Self.standOff + 0.02 {
            target = SIMD3(point.x, point.y - Self.standOff, point.z + Self.pushHeight)
        } else if o.hand.z < high - 0.03 {
            // Rise before travelling (the hand may start right over the handle).
            target = SIMD3(o.hand.x, o.hand.y, high)
        } else {
            target = SIMD3(point.x, point.y - Self.standOff, high)
        }
        return SIMD4(move(from: o.hand, to: target), 1)
    }
}
