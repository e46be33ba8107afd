/// reach-v3: bring the fingertips to the goal, gripper relaxed.
public struct ReachController: ScriptedController {
    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let step = move(from: o.hand, to: o.goal + SIMD3(0, 0, handAboveTCP))
        return SIMD4(step, 0)
    }
}
