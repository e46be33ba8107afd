/// pick-place-v3: grasp the puck, lift it clear of the table and carry it to the goal.
public struct PickPlaceController: ScriptedController {
    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        // Move so that the puck (not the hand) lands on the goal; lift first when low.
        let handOverPuck = o.hand - o.object
        var target = o.goal + handOverPuck
        let horizontal = SIMD2(o.goal.x - o.object.x, o.goal.y - o.object.y)
        if o.object.z < 0.04 && (horizontal * horizontal).sum() > 0.03 * 0.03 {
            target = SIMD3(o.hand.x, o.hand.y, o.hand.z + 0.05)
        }
        return SIMD4(move(from: o.hand, to: target), 1)
    }
}
