/// push-v3: grasp the puck lightly and slide it along the table onto the goal, as MetaWorld's
/// scripted push policy does.
public struct PushController: ScriptedController {
    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        // Keep the grasp offset, so that the puck (not the hand) ends on the goal, 5 mm up.
        let target = SIMD3(o.goal.x, o.goal.y, o.goal.z + 0.005) + (o.hand - o.object)
        return SIMD4(move(from: o.hand, to: target), 1)
    }
}
