/// stick-push-v3: grasp the stick 1.5 cm right of its middle (where MetaWorld's reward measures
/// it), lift it to the height of the thermos's handle, line it up with the thermos's axis and
/// push the thermos along +x with the stick's end until it reaches the goal's x.
public struct StickPushController: ScriptedController {
    public init() {}

    /// The stick's grasp point relative to its centre.
    static let graspOffset = SIMD3<Double>(0.015, 0, 0)
    /// The stick centre's x when its end touches the thermos (body radius 6 cm, stick half
    /// length 5 cm).
    static let stickBehindThermos = 0.11

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let raw = ObservationView(observation)
        let thermos = SIMD3(observation[11], observation[12], observation[13])
        let o = ObservationView(hand: raw.hand, gripperOpening: raw.gripperOpening,
                                object: raw.object + Self.graspOffset, goal: raw.goal)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let stick = raw.object
        var stickTarget: SIMD3<Double>
        if stick.z < thermos.z - 0.015 {
            stickTarget = SIMD3(stick.x, stick.y, thermos.z)  // lift first
        } else if abs(stick.y - thermos.y) > 0.01 {
            stickTarget = SIMD3(min(stick.x, thermos.x - Self.stickBehindThermos - 0.02), thermos.y, thermos.z)
        } else {
            // Push: aim the thermos 2 cm past the goal's x (success is within 12 cm).
            stickTarget = SIMD3(o.goal.x + 0.02 - Self.stickBehindThermos, thermos.y, thermos.z)
        }
        return SIMD4(move(from: raw.hand, to: stickTarget + (raw.hand - stick)) * 0.5, 1)
    }
}
