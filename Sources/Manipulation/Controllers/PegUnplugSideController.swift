/// peg-unplug-side-v3: come down over the plug's 7.6 cm box with the fingers open (6 mm to spare
/// each side, so the hand lines up within 4 mm first), close on it and pull it along +x until its
/// end reaches the goal.
public struct PegUnplugSideController: ScriptedController {
    public init() {}

    /// The box's centre relative to the plug's end (`pegEnd`, the object point).
    static let boxFromEnd = SIMD3<Double>(-0.015, 0, 0)
    /// Fingertips 1 cm below the plug's axis.
    static let tcpBelowAxis = 0.01
    /// Closed on the box the fingers read about 0.88; open, 1.0.
    static let closedReading = 0.93

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let grasp = o.object + Self.boxFromEnd - SIMD3(0, 0, Self.tcpBelowAxis)
        let off = grasp - tcp
        let xy = (off.x * off.x + off.y * off.y).squareRoot()
        let graspHand = grasp + SIMD3(0, 0, handAboveTCP)
        if o.gripperOpening < Self.closedReading && xy < 0.02 && abs(off.z) < 0.02 {
            // Held: pull the plug's end 1 cm past the goal, straight out along +x.
            let target = SIMD3(o.goal.x + 0.01, o.object.y, o.object.z) + (o.hand - o.object)
            return SIMD4(move(from: o.hand, to: target) * 0.5, 1)
        }
        if xy > 0.004 {
            let high = max(o.hand.z, graspHand.z + 0.08)
            return SIMD4(move(from: o.hand, to: SIMD3(graspHand.x, graspHand.y, high)), -1)
        }
        let closing = abs(o.hand.z - graspHand.z) < 0.006
        return SIMD4(move(from: o.hand, to: graspHand), closing ? 1 : -1)
    }
}
