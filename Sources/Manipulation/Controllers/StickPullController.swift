/// stick-pull-v3: grasp the stick 1.5 cm left of its middle (as MetaWorld's policy does), lift it
/// to the thermos's handle loop, slide its end through the loop along +x, then bring the loop
/// over the goal. Across y the stick sits in the loop between its bar and the flask, so it moves
/// the thermos both ways; along x only the fingers, pushing the loop's top arm, move it, and
/// nothing brakes it (its slides' damping of 1 N·s/m on 3.27 kg is a 3.3 s time constant), so
/// the controller pushes only while the thermos is slower than the speed at which it would coast
/// to the goal's x.
public struct StickPullController: ScriptedController {
    public init() {}

    /// The stick's grasp point relative to its centre.
    static let graspOffset = SIMD3<Double>(-0.015, 0, 0)
    /// The stick's end past the loop's centre, in x, once it is through.
    static let insertionDepth = 0.03
    /// Hand x minus loop x when the fingers (1.5 cm half width) touch the loop's top arm (1 cm).
    static let armContact = -0.025
    /// The thermos's coasting time constant (s): mass over slide damping, a little less.
    static let coastSeconds = 3.0

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let raw = ObservationView(observation)
        let handle = SIMD3(observation[11], observation[12], observation[13])
        let o = ObservationView(hand: raw.hand, gripperOpening: raw.gripperOpening,
                                object: raw.object + Self.graspOffset, goal: raw.goal)
        let phase = PuckGrasp.phase(o)
        guard phase == .held else { return PuckGrasp.action(phase, o) }
        let stick = raw.object
        let end = stick + Stick.end
        let inserted = end.x >= handle.x - 0.005 && abs(stick.y - handle.y) < 0.03 && abs(stick.z - handle.z) < 0.03
        if inserted {
            // The thermos's x speed from this and the previous observation (18 values back).
            let speedX = (handle.x - observation[29]) / (Double(ManipulationEnvironment.frameSkip) * ManipulationEnvironment.timestepSeconds)
            let wanted = max(0, o.goal.x - handle.x) / Self.coastSeconds
            let handX = speedX < wanted ? handle.x + Self.armContact + 0.01 : handle.x + Self.armContact - 0.01
            let target = SIMD3(handX, raw.hand.y + (o.goal.y - stick.y), raw.hand.z + (handle.z - stick.z))
            return SIMD4(move(from: raw.hand, to: target) * 0.5, 1)
        }
        var stickTarget: SIMD3<Double>
        if stick.z < handle.z - 0.015 {
            stickTarget = SIMD3(stick.x, stick.y, handle.z)  // lift first
        } else if abs(stick.y - handle.y) > 0.008 || abs(stick.z - handle.z) > 0.01 {
            // Line up in front of the loop.
            stickTarget = SIMD3(min(stick.x, handle.x - 0.1), handle.y, handle.z)
        } else {
            stickTarget = SIMD3(handle.x + Self.insertionDepth - Stick.end.x, handle.y, handle.z)
        }
        return SIMD4(move(from: raw.hand, to: stickTarget + (raw.hand - stick)) * 0.3, 1)
    }
}
