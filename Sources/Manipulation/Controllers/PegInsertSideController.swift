/// peg-insert-side-v3: grasp the peg across its width at the grasp site, lift it to the tunnel
/// height, line its head up with the tunnel axis in front of the block, then push it in.
///
/// Everything comes from the observation: obs[4:7] is the grasp site, 3 cm toward the peg's
/// tail and 1 cm above its axis, so the head is 13 cm further along −x and the axis 1 cm lower;
/// the goal lies on the tunnel axis 6.6 cm inside the mouth, which is 6.6 cm in front of it.
public struct PegInsertSideController: ScriptedController {
    /// Grasp site relative to the peg head (the head is the end that enters the tunnel).
    static let graspAboveHead = SIMD3<Double>(0.13, 0, 0.01)
    /// Hand height above the grasp site at which the fingertips close on the peg's middle.
    static let graspHeight = handAboveTCP - 0.01 + 0.003
    /// How far in front of the goal the head waits while it lines up with the tunnel: the block
    /// face is 7 cm in front of the goal, so 11 cm keeps a 4 cm gap.
    static let lineUpDistance = 0.11
    /// Largest y/z misalignment (m) at which the head may enter the 6 cm tunnel with the 3 cm peg.
    static let alignmentTolerance = 0.006

    enum Phase: Equatable { case approach, descend, close, held }

    public init() {}

    static func phase(_ o: ObservationView) -> Phase {
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let pegAxis = o.object - SIMD3(0, 0, 0.01)
        let offset = pegAxis - tcp
        let xy = (offset.x * offset.x + offset.y * offset.y).squareRoot()
        if o.gripperOpening < heldReading && xy < 0.02 && abs(offset.z) < 0.02 { return .held }
        if xy > 0.01 { return .approach }
        if o.hand.z - o.object.z > graspHeight + 0.006 { return .descend }
        return .close
    }

    /// Gripper reading below which closed fingers are taken to hold the 3 cm peg (open reads
    /// 1.0; closed on the peg about 0.4).
    static let heldReading = 0.55

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let above = SIMD3(o.object.x, o.object.y, o.object.z + Self.graspHeight)
        switch Self.phase(o) {
        case .approach:
            let high = max(o.hand.z, o.object.z + Self.graspHeight + 0.06)
            let dx = o.object.x - o.hand.x, dy = o.object.y - o.hand.y
            let target = dx * dx + dy * dy > 0.02 * 0.02 ? SIMD3(o.object.x, o.object.y, high) : above
            return SIMD4(move(from: o.hand, to: target), -1)
        case .descend:
            return SIMD4(move(from: o.hand, to: above), -1)
        case .close:
            return SIMD4(move(from: o.hand, to: above), 1)
        case .held:
            return SIMD4(carry(o), 1)
        }
    }

    /// Moves the hand so that the peg head goes to the line-up point, then into the tunnel.
    func carry(_ o: ObservationView) -> SIMD3<Double> {
        let head = o.object - Self.graspAboveHead
        let misalignment = SIMD2(head.y - o.goal.y, head.z - o.goal.z)
        let aligned = abs(misalignment.x) < Self.alignmentTolerance && abs(misalignment.y) < Self.alignmentTolerance
        let inFront = head.x > o.goal.x + Self.lineUpDistance - 0.02
        var headTarget = o.goal
        if !aligned && inFront {
            headTarget.x = max(o.goal.x + Self.lineUpDistance, head.x)
        } else {
            // Two centimetres past the goal: success needs the head within 7 cm of it.
            headTarget.x = o.goal.x - 0.02
        }
        // Lift before travelling so the peg never drags along the table.
        if head.z < o.goal.z - 0.03 { headTarget.x = head.x; headTarget.y = head.y }
        let gain = aligned || !inFront ? 10.0 : 25.0
        return move(from: o.hand, to: o.hand + (headTarget - head), gain: gain)
    }
}
