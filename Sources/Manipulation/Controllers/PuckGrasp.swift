/// The grasp shared by the push and pick-place controllers, decided from the observation only:
/// hover above the puck, descend with the fingers open, close, and report when it is held.
struct PuckGrasp {
    /// Hand height above the puck centre at which the fingertips straddle the puck's middle.
    static let graspHeight = handAboveTCP + 0.005
    /// Gripper reading below which closed fingers are taken to hold something (open is 1.0,
    /// empty and closed is 0.3, closed on the 4 cm puck about 0.5).
    static let closedReading = 0.62

    enum Phase { case approach, descend, close, held }

    /// `heldBelow`: the reading below which the fingers hold the object (a wider object stops
    /// them wider open: the mug's 5.6 cm cup at about 0.65). `height`: the hand's grasp height
    /// above the object point (a ball is held with the fingertips below its equator, so that the
    /// pads' faces, not their lower edges, press on it).
    static func phase(_ o: ObservationView, heldBelow: Double = closedReading, height: Double = graspHeight) -> Phase {
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let offset = o.object - tcp
        let xy = (offset.x * offset.x + offset.y * offset.y).squareRoot()
        if o.gripperOpening < heldBelow && xy < 0.02 && abs(offset.z) < 0.03 { return .held }
        if xy > 0.012 { return .approach }
        if o.hand.z - o.object.z > height + 0.006 { return .descend }
        return .close
    }

    /// The action for every phase but `.held`, which the task decides.
    static func action(_ phase: Phase, _ o: ObservationView, height: Double = graspHeight) -> SIMD4<Double> {
        let above = SIMD3(o.object.x, o.object.y, o.object.z + height)
        switch phase {
        case .approach:
            // Stay high until over the puck so the fingers never sweep it away.
            let high = max(o.hand.z, o.object.z + height + 0.06)
            let xy = (o.object.x - o.hand.x) * (o.object.x - o.hand.x) + (o.object.y - o.hand.y) * (o.object.y - o.hand.y)
            let target = xy > 0.02 * 0.02 ? SIMD3(o.object.x, o.object.y, high) : above
            return SIMD4(move(from: o.hand, to: target), -1)
        case .descend:
            return SIMD4(move(from: o.hand, to: above), -1)
        case .close, .held:
            return SIMD4(move(from: o.hand, to: above), 1)
        }
    }
}
