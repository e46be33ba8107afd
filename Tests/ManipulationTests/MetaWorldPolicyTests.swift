import Testing
import Physics
@testable import Manipulation

/// docs/tasks.md, 'What we keep and what we may change': a controller written for MetaWorld,
/// reading the same observation, should do on our tasks what it does on MetaWorld's. These are the
/// decision rules of MetaWorld's own scripted v3 policies for the three tasks (100% success on
/// MetaWorld), run on our physics.
@Suite struct MetaWorldPolicyTests {
    typealias Policy = @Sendable (ObservationView) -> SIMD4<Double>

    /// MetaWorld's `move`: proportional response, clipped by the env.
    static func response(_ from: SIMD3<Double>, _ to: SIMD3<Double>, p: Double) -> SIMD3<Double> { (to - from) * p }

    static let reach: Policy = { o in SIMD4(response(o.hand, o.goal, p: 5), 0) }

    static let push: Policy = { o in
        let puck = o.object + SIMD3(-0.005, 0, 0)
        let xy = SIMD2(o.hand.x - puck.x, o.hand.y - puck.y)
        let farXY = (xy * xy).sum().squareRoot() > 0.02
        let target: SIMD3<Double>
        if farXY { target = puck + SIMD3(0, 0, 0.2) }
        else if abs(o.hand.z - puck.z) > 0.04 { target = puck + SIMD3(0, 0, 0.03) }
        else { target = o.goal }
        let rawXY = SIMD2(o.hand.x - o.object.x, o.hand.y - o.object.y)
        let grab = ((rawXY * rawXY).sum().squareRoot() > 0.02 || abs(o.hand.z - o.object.z) > 0.1) ? 0.0 : 0.6
        return SIMD4(response(o.hand, target, p: 10), grab)
    }

    static let pickPlace: Policy = { o in
        let puck = o.object + SIMD3(-0.005, 0, 0)
        let xy = SIMD2(o.hand.x - puck.x, o.hand.y - puck.y)
        let target: SIMD3<Double>
        if (xy * xy).sum().squareRoot() > 0.02 { target = puck + SIMD3(0, 0, 0.1) }
        else if abs(o.hand.z - puck.z) > 0.05 && puck.z < 0.04 { target = puck + SIMD3(0, 0, 0.03) }
        else if o.gripperOpening > 0.73 { target = o.hand }
        else { target = o.goal }
        let grab = length(o.hand - o.object) < 0.07 ? 1.0 : 0.0
        return SIMD4(response(o.hand, target, p: 10), grab)
    }

    func successRate(_ task: String, _ policy: Policy) throws -> Double { try Self.episodes(task, policy).successRate }

    /// Runs `policy` on the 50 layouts of suite 1 until success or truncation: the share of
    /// layouts solved, and the physics faults the environment caught on the way.
    static func episodes(_ task: String, _ policy: Policy) throws -> (successRate: Double, faults: Int) {
        let env = try ManipulationEnvironment(task: task, suiteSeed: 1)
        var successes = 0
        for layout in 0..<LayoutTable.layoutsPerTask {
            try env.reset(layoutIndex: layout)
            while true {
                let outcome = try env.observation.withUnsafeBufferPointer { try env.step(policy(ObservationView($0))) }
                if outcome.success { successes += 1; break }
                if outcome.truncated { break }
            }
        }
        return (Double(successes) / Double(LayoutTable.layoutsPerTask), env.faultCount)
    }

    @Test func metaWorldReachPolicySucceeds() throws { let r = try successRate("reach-v3", Self.reach); #expect(r >= 0.96, "\(r)") }
    @Test func metaWorldPushPolicySucceeds() throws { let r = try successRate("push-v3", Self.push); #expect(r >= 0.96, "\(r)") }
    @Test func metaWorldPickPlacePolicySucceeds() throws { let r = try successRate("pick-place-v3", Self.pickPlace); #expect(r >= 0.96, "\(r)") }
}
