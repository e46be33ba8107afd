/// box-close-v3: grasp the lid's handle, lift the lid clear of the box walls and carry it over
/// the box to the target, 13.3 cm over the box's origin (where MetaWorld's reward peaks; success
/// needs the lid within 8 cm of it, so lowering it onto the walls is not needed).
public struct BoxCloseController: ScriptedController {
    public init() {}

    /// The fingertips close on the handle this far above `top_link`, inside the handle's
    /// 0.4-8.9 cm and well above the lid's top (0.6 cm).
    static let graspAboveTopLink = 0.035
    /// Closed fingers read below this whether or not they hold the 1.6 cm handle (empty: 0.3),
    /// so holding is decided from where the handle is.
    static let closedReading = 0.45

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let grasp = o.object + SIMD3(0, 0, Self.graspAboveTopLink)
        let offset = grasp - tcp
        let xy = (offset.x * offset.x + offset.y * offset.y).squareRoot()
        let graspHand = grasp + SIMD3(0, 0, handAboveTCP)
        if xy < 0.015 && abs(offset.z) < 0.015 && o.gripperOpening < Self.closedReading {
            // Held: lift the lid above the walls first, then take it to the target.
            let handOverLid = o.hand - o.object
            let toGoal = SIMD2(o.goal.x - o.object.x, o.goal.y - o.object.y)
            var lidTarget = o.goal
            if (toGoal * toGoal).sum() > 0.03 * 0.03 && o.object.z < o.goal.z - 0.03 {
                lidTarget = SIMD3(o.object.x, o.object.y, o.goal.z)
            }
            return SIMD4(move(from: o.hand, to: lidTarget + handOverLid) * 0.6, 1)
        }
        if xy > 0.01 {
            // Over the handle first, high, with the fingers open.
            let high = max(o.hand.z, graspHand.z + 0.06)
            let target = xy > 0.02 ? SIMD3(grasp.x, grasp.y, high) : graspHand
            return SIMD4(move(from: o.hand, to: target), -1)
        }
        let closing = abs(o.hand.z - graspHand.z) < 0.006
        return SIMD4(move(from: o.hand, to: graspHand), closing ? 1 : -1)
    }
}
