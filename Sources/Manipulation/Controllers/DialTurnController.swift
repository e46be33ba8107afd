import Foundation

/// dial-turn-v3: come down beside the dial's ridge, left of its robot-side end, and sweep it round
/// counter-clockwise (seen from above) with the closed fingers, aiming ahead. The dial's centre
/// follows from the goal (dial + (0, 0.03, 0.03)), its angle from the observed rim point.
public struct DialTurnController: ScriptedController {
    /// Ridge end point pushed, in the dial frame (the ridge runs along y at 0, 4.6 cm each way).
    static let pushPoint = SIMD2<Double>(0.0, -0.035)
    static let approachPoint = SIMD2<Double>(-0.035, -0.035)
    static let lead = 0.5
    static let workHeight = 0.05
    static let travelHeight = 0.15

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let center = o.goal - SIMD3(0, 0.03, 0.03)
        let rim = o.object - center
        let angle = atan2(rim.x, -rim.y)
        func world(_ p: SIMD2<Double>, at q: Double) -> SIMD2<Double> {
            SIMD2(center.x + p.x * cos(q) - p.y * sin(q), center.y + p.x * sin(q) + p.y * cos(q))
        }
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let r = SIMD2(tcp.x - center.x, tcp.y - center.y)
        let inDial = SIMD2(r.x * cos(angle) + r.y * sin(angle), -r.x * sin(angle) + r.y * cos(angle))
        let engaged = inDial.x < 0 && inDial.x > -0.06 && inDial.y < -0.01 && inDial.y > -0.06 && tcp.z < Self.workHeight + 0.02
        let target: SIMD3<Double>
        if engaged {
            target = SIMD3(world(Self.pushPoint, at: min(angle + Self.lead, 2.2)), Self.workHeight)
        } else {
            let approach = world(Self.approachPoint, at: angle)
            let away = ((tcp.x - approach.x) * (tcp.x - approach.x) + (tcp.y - approach.y) * (tcp.y - approach.y)).squareRoot()
            if away > 0.012 {
                target = SIMD3(approach, max(tcp.z, Self.travelHeight))
            } else {
                target = SIMD3(approach, Self.workHeight)
            }
        }
        return SIMD4(move(from: tcp, to: target), 1)
    }
}
