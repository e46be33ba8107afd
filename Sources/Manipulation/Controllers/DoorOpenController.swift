import Foundation

/// door-open-v3: our own policy, better than MetaWorld's (which pushes the handle post sideways
/// and reaches about 93%). The hinge and the door angle are read off the observation (goal =
/// door + (−0.3, −0.45, 0); the handle centre lies at a known point of the leaf), then:
/// 1. pull: closed fingers drop into the gap between the grip bar and the leaf and sweep along
///    the arc, dragging the bar toward the robot until the door is open by `switchAngle`;
/// 2. push: the hand rises over the leaf, drops behind it and pushes the leaf's back face on
///    around to `finalAngle`. Pulling alone cannot finish: past ~0.9 rad the handle would need the
///    hand nearer the robot than the 0.40 m hand bound allows for doors placed at y = 0.85.
/// Stateless: every decision comes from the current observation.
public struct DoorOpenController: ScriptedController {
    /// Hinge relative to the goal: goal = door + (−0.3, −0.45, 0), hinge = door + (−0.185, −0.1, 0).
    static let hingeFromGoal = SIMD2<Double>(0.115, 0.35)
    /// The handle centre in leaf coordinates (hinge at the origin, leaf along +x when closed).
    static let handleInLeaf = SIMD2<Double>(0.3757, -0.1071)
    /// Where the fingertips hook behind the grip bar, leaf coordinates: beyond the post, 2.7 cm
    /// clear of the bar and far enough from the leaf that the gripper base misses it.
    static let pullPoint = SIMD2<Double>(0.40, -0.07)
    /// Above the leaf's back face, then pressing into it.
    static let pushApproach = SIMD2<Double>(0.28, 0.075)
    static let pushPoint = SIMD2<Double>(0.28, -0.01)
    static let switchAngle = -0.75
    /// How far ahead of the door the hand aims along the arc (rad).
    static let lead = 0.3
    /// Pushing stops aiming further than this (success comes at ≈ −1.38; the stop is at −2).
    static let finalAngle = -1.7
    /// Fingertip heights: working (bar and leaf centre at 0.15) and travelling above the door.
    static let workHeight = 0.135
    static let travelHeight = 0.31

    public init() {}

    public func action(for observation: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let o = ObservationView(observation)
        let hinge = SIMD2(o.goal.x, o.goal.y) + Self.hingeFromGoal
        let handle = SIMD2(o.object.x, o.object.y) - hinge
        let angle = Self.wrapped(atan2(handle.y, handle.x) - atan2(Self.handleInLeaf.y, Self.handleInLeaf.x))
        let tcp = o.hand - SIMD3(0, 0, handAboveTCP)
        let tcpInLeaf = Self.rotate(SIMD2(tcp.x, tcp.y) - hinge, by: -angle)
        func world(_ leaf: SIMD2<Double>, at theta: Double) -> SIMD2<Double> { hinge + Self.rotate(leaf, by: theta) }

        let target: SIMD3<Double>
        if angle > Self.switchAngle {
            let engaged = Self.distance(tcpInLeaf, Self.pullPoint) < 0.035 && tcp.z < 0.16
            if engaged {
                target = SIMD3(world(Self.pullPoint, at: angle - Self.lead), Self.workHeight)
            } else {
                target = Self.approach(tcp, over: world(Self.pullPoint, at: angle))
            }
        } else {
            let engaged = tcpInLeaf.y > 0.025 && tcp.z < 0.16
            if engaged {
                target = SIMD3(world(Self.pushPoint, at: max(angle - Self.lead, Self.finalAngle)), Self.workHeight)
            } else {
                target = Self.approach(tcp, over: world(Self.pushApproach, at: angle))
            }
        }
        return SIMD4(move(from: tcp, to: target), 1)
    }

    /// Rise first, travel above the door, then drop onto `point`.
    static func approach(_ tcp: SIMD3<Double>, over point: SIMD2<Double>) -> SIMD3<Double> {
        let away = distance(SIMD2(tcp.x, tcp.y), point)
        if away > 0.03 && tcp.z < travelHeight - 0.03 { return SIMD3(tcp.x, tcp.y, travelHeight) }
        if away > 0.012 { return SIMD3(point, travelHeight) }
        return SIMD3(point, workHeight)
    }

    static func rotate(_ v: SIMD2<Double>, by angle: Double) -> SIMD2<Double> {
        let c = cos(angle), s = sin(angle)
        return SIMD2(c * v.x - s * v.y, s * v.x + c * v.y)
    }

    static func distance(_ a: SIMD2<Double>, _ b: SIMD2<Double>) -> Double {
        let d = a - b
        return (d.x * d.x + d.y * d.y).squareRoot()
    }

    static func wrapped(_ angle: Double) -> Double {
        var a = angle
        while a > Double.pi { a -= 2 * Double.pi }
        while a <= -Double.pi { a += 2 * Double.pi }
        return a
    }
}
