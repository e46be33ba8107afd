import Testing
import Physics
@testable import Manipulation

/// docs/tasks.md, 'What we keep and what we may change', for the door and window tasks: MetaWorld's
/// own scripted v3 policies (their decision rules transcribed), reading the same observation, run
/// on our physics. On MetaWorld the window policies succeed on every layout and the door policy on
/// about 93%.
@Suite struct MetaWorldArticulatedPolicyTests {
    typealias Policy = MetaWorldPolicyTests.Policy

    static func horizontalDistance(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        let d = SIMD2(a.x - b.x, a.y - b.y)
        return (d * d).sum().squareRoot()
    }

    static let doorOpen: Policy = { o in
        let door = o.object - SIMD3(0.05, 0, 0)
        let target: SIMD3<Double>
        if horizontalDistance(o.hand, door) > 0.12 { target = door + SIMD3(0.06, 0.02, 0.2) }
        else if abs(o.hand.z - door.z) > 0.04 { target = door + SIMD3(0.06, 0.02, 0) }
        else { target = door }
        return SIMD4((target - o.hand) * 25, 1)
    }

    static func window(sideways: Double, above: Double) -> Policy {
        { o in
            let handle = o.object + SIMD3(-0.03 * sideways, -0.03, -0.08)
            let target: SIMD3<Double>
            if horizontalDistance(o.hand, handle) > 0.04 { target = handle + SIMD3(0, 0, above) }
            else if abs(o.hand.z - handle.z) > 0.02 { target = handle }
            else { target = handle + SIMD3(0.1 * sideways, 0, 0) }
            return SIMD4((target - o.hand) * 25, 1)
        }
    }

    func successRate(_ task: String, _ policy: Policy) throws -> Double {
        let result = try MetaWorldPolicyTests.episodes(task, policy)
        #expect(result.faults == 0)
        return result.successRate
    }

    @Test func metaWorldDoorOpenPolicyDoesAsOnMetaWorld() throws {
        // 0.96 on suite 1 here; MetaWorld itself reaches about 0.93.
        let r = try successRate("door-open-v3", Self.doorOpen)
        #expect(r >= 0.85, "\(r)")
    }
    @Test func metaWorldWindowOpenPolicySucceeds() throws {
        let r = try successRate("window-open-v3", Self.window(sideways: 1, above: 0.3))
        #expect(r >= 0.96, "\(r)")
    }
    @Test func metaWorldWindowClosePolicySucceeds() throws {
        let r = try successRate("window-close-v3", Self.window(sideways: -1, above: 0.25))
        #expect(r >= 0.96, "\(r)")
    }
}
