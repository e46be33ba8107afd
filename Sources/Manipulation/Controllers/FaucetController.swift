import Foundation

/// faucet-open-v3 and faucet-close-v3: come down beside the handle arm, on the side away from the
/// goal, and sweep it round with the closed fingers, aiming a little ahead. The hinge follows
/// from the goal (base + (±0.175, 0, 0.125)), the angle from the observed site.
public struct FaucetController: ScriptedController {
    public let opening: Bool
    /// The arm's axis is 12 cm out from the hinge; the fingers push 15 cm out, beside it.
    static let reach = -0.15
    static let sideOffset = 0.045
    static let lead = 0.3
    static let workHeight = 0.125
    static let travelHeight = 0.26

    public init(opening: Bool) { self.opening = opening }

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let sign = opening ? 1.0 : -1.0
        let base = o.goal - SIMD3(sign * 0.175, 0, 0.125)
        let site = SIMD2(o.object.x - base.x, o.object.y - base.y)
        let siteInArm = SIMD2(-sign * 0.015, -0.175)
        let angle = atan2(site.y, site.x) - atan2(siteInArm.y, siteInArm.x)
        func world(_ p: SIMD2<Double>, at q: Double) -> SIMD2<Double> {
            SIMD2(base.x + p.x * cos(q) - p.y * sin(q), base.y + p.x * sin(q) + p.y * cos(q))
        }
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        // Arm frame: x across the arm, y along it (−y points out at q = 0).
        let approach = world(SIMD2(-sign * Self.sideOffset, Self.reach), at: angle)
        let r = SIMD2(tcp.x - base.x, tcp.y - base.y)
        let tcpInArm = SIMD2(r.x * cos(angle) + r.y * sin(angle), -r.x * sin(angle) + r.y * cos(angle))
        let beside = sign * tcpInArm.x < 0 && sign * tcpInArm.x > -0.07 && tcpInArm.y < -0.1 && tcpInArm.y > -0.2
        let target: SIMD3<Double>
        if beside && tcp.z < Self.workHeight + 0.03 {
            // Aim no further than 1.5 rad (success comes at 1.374 and −1.259): pressing the
            // arm on into its stop only loads the stop.
            let limit = opening ? 1.5 : -1.5
            let ahead = opening ? min(angle + Self.lead, limit) : max(angle - Self.lead, limit)
            target = SIMD3(world(SIMD2(0, Self.reach), at: ahead), Self.workHeight)
        } else {
            let away = ((tcp.x - approach.x) * (tcp.x - approach.x) + (tcp.y - approach.y) * (tcp.y - approach.y)).squareRoot()
            if away > 0.02 && tcp.z < Self.travelHeight - 0.03 {
                target = SIMD3(tcp.x, tcp.y, Self.travelHeight)
            } else if away > 0.012 {
                target = SIMD3(approach, Self.travelHeight)
            } else {
                target = SIMD3(approach, Self.workHeight)
            }
        }
        return SIMD4(move(from: tcp, to: target), 1)
    }
}
