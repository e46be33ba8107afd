import Foundation

/// door-lock-v3 and door-unlock-v3: find the lever from the observation (the hinge is a fixed
/// offset from the goal, the angle follows from the observed site), come to it from above
/// (lock) or from the left (unlock), and sweep it along its arc, aiming a little ahead.
public struct LockLeverController: ScriptedController {
    public enum Direction: Sendable { case lock, unlock }
    public let direction: Direction

    /// Where the fingertips work, lever frame (hinge at the origin, x along the lever, z up at
    /// q = 0): on top near the tip to press it down, on the left face to lift it. The TCP keeps
    /// 4.5 cm in front of the hinge line, so only the far finger bears on the lever (it spans
    /// 0.5-4.3 cm in front) and the gripper base (4 cm each side of the hand) clears the leaf
    /// and the lock's base behind it; nearer, the base came to rest on the leaf's top edge.
    static let pressPoint = SIMD3<Double>(0.075, -0.045, 0.012)
    static let pressApproach = SIMD3<Double>(0.075, -0.045, 0.05)
    /// Lifting, the gripper is open and the TCP 7.4 cm in front of the hinge line: the far
    /// finger (5 cm from the TCP) bears on the lever's face while the gripper base stays clear
    /// of the lock's base, which it hit when it followed the lever up from nearer.
    static let liftPoint = SIMD3<Double>(0.085, -0.074, -0.006)
    static let liftApproach = SIMD3<Double>(0.085, -0.074, -0.05)
    /// Lifting, the TCP works this far below the lever point it aims at, so that the finger
    /// (9 cm tall above the TCP) bears on the lever's outer end only: touching it near the
    /// hinge, the finger pushed against the hinge itself and stalled.
    static let liftTCPBelow = 0.04
    static let lead = 0.35
    static let liftLead = 0.06
    static let travelHeight = 0.32

    public init(_ direction: Direction) { self.direction = direction }

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let site = direction == .lock ? SIMD3<Double>(0.09, -0.04, 0.01) : SIMD3<Double>(0.09, -0.04, -0.01)
        let goalFromLock = direction == .lock ? SIMD3<Double>(0, -0.04, -0.1) : SIMD3<Double>(0.1, -0.04, 0)
        let lock = o.goal - goalFromLock
        let d = o.object - lock
        let angle = atan2(site.z, site.x) - atan2(d.z, d.x)
        func world(_ p: SIMD3<Double>, at q: Double) -> SIMD3<Double> {
            lock + SIMD3(p.x * cos(q) + p.z * sin(q), p.y, -p.x * sin(q) + p.z * cos(q))
        }
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let target: SIMD3<Double>
        switch direction {
        case .lock:
            let approach = world(Self.pressApproach, at: angle)
            let engaged = Self.horizontal(tcp, approach) < 0.02 && tcp.z < approach.z + 0.01
            if engaged {
                target = world(Self.pressPoint, at: min(angle + Self.lead, 1.65))
            } else if Self.horizontal(tcp, approach) > 0.015 {
                // Travel above the lever, then come down onto it.
                target = tcp.z < Self.travelHeight - 0.03 && Self.horizontal(tcp, approach) > 0.04
                    ? SIMD3(tcp.x, tcp.y, Self.travelHeight) : SIMD3(approach.x, approach.y, max(tcp.z, approach.z))
            } else {
                target = approach
            }
        case .unlock:
            // The TCP in lever coordinates: engaged while it is on the lever's left (local −z)
            // face, along its outer half.
            let r = tcp + SIMD3(0, 0, Self.liftTCPBelow) - lock
            let inLever = SIMD3(r.x * cos(angle) - r.z * sin(angle), r.y, r.x * sin(angle) + r.z * cos(angle))
            let engaged = inLever.z < 0 && inLever.z > -0.06 && inLever.x > 0.04 && inLever.x < 0.11
                && abs(inLever.y - Self.liftPoint.y) < 0.015
            let approach = world(Self.liftApproach, at: angle) - SIMD3(0, 0, Self.liftTCPBelow)
            if engaged {
                // Push into the face, square to it, a little ahead and slowly (about 2 mm per
                // step): the lever's damper (2 N·m·s/rad) resists a fast push with hundreds of
                // newtons, the soft finger contact gives way and the finger slips past the tip.
                // Pushing along a fixed direction also lets it slide down the tilting face.
                target = world(Self.liftPoint, at: max(angle - Self.liftLead, -0.1)) - SIMD3(0, 0, Self.liftTCPBelow)
            } else if tcp.x > approach.x - 0.02 {
                // Right of where the finger must start: go round in front of the lever (the
                // far finger 5 cm from the TCP would otherwise sweep into it).
                target = tcp.y > approach.y - 0.05
                    ? SIMD3(tcp.x, approach.y - 0.06, approach.z)
                    : SIMD3(approach.x - 0.04, approach.y - 0.06, approach.z)
            } else if abs(tcp.y - approach.y) > 0.01 || abs(tcp.z - approach.z) > 0.015 {
                target = SIMD3(tcp.x, approach.y, approach.z)  // line up left of the lever
            } else {
                target = approach
            }
        }
        return SIMD4(move(from: tcp, to: target), direction == .lock ? 1 : -1)
    }

    static func horizontal(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
