import Foundation

/// door-close-v3: reach the open door from the left, drop the closed fingers into the gap
/// between the leaf and the handle's grip bar, and sweep the leaf shut along its arc, aiming a
/// little ahead of it. The hinge and the door angle are read off the observation (goal = door +
/// (0.2, −0.2, 0), hinge = door + (−0.185, −0.1, 0); the handle centre is a known leaf point).
public struct DoorCloseController: ScriptedController {
    /// Hinge relative to the goal.
    static let hingeFromGoal = SIMD2<Double>(-0.385, 0.1)
    /// Where the fingertips push, leaf coordinates (hinge at the origin, leaf along +x closed):
    /// on the handle side of the leaf, hinge-side of the handle post (leaf x 0.325), in the gap.
    static let pushPoint = SIMD2<Double>(0.27, -0.02)
    static let approachPoint = SIMD2<Double>(0.27, -0.055)
    /// How far ahead of the door the hand aims along the arc (rad), and the last angle aimed at
    /// (the stop is at 0; success comes at −0.179).
    static let lead = 0.35
    static let finalAngle = 0.05

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let hinge = SIMD2(o.goal.x, o.goal.y) + Self.hingeFromGoal
        let handle = SIMD2(o.object.x, o.object.y) - hinge
        let leafHandle = DoorOpenController.handleInLeaf
        let angle = DoorOpenController.wrapped(atan2(handle.y, handle.x) - atan2(leafHandle.y, leafHandle.x))
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let tcpInLeaf = DoorOpenController.rotate(SIMD2(tcp.x, tcp.y) - hinge, by: -angle)
        func world(_ leaf: SIMD2<Double>, at theta: Double) -> SIMD2<Double> { hinge + DoorOpenController.rotate(leaf, by: theta) }

        // In the gap at working height: push; otherwise come in from above.
        let inGap = tcpInLeaf.x > 0.2 && tcpInLeaf.x < 0.31 && tcpInLeaf.y < 0 && tcpInLeaf.y > -0.09
        let target: SIMD3<Double>
        if inGap && tcp.z < 0.17 {
            target = SIMD3(world(Self.pushPoint, at: min(angle + Self.lead, Self.finalAngle)), DoorOpenController.workHeight)
        } else {
            target = DoorOpenController.approach(tcp, over: world(Self.approachPoint, at: angle))
        }
        return SIMD4(move(from: tcp, to: target), 1)
    }
}
