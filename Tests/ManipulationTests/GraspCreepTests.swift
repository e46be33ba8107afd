import Testing
import Physics
@testable import Manipulation

/// `SawyerCalibration.graspCreepCoefficient`: an object held still in the air slides down between
/// the pads at MuJoCo's speed. Measured on MetaWorld 3.1.1 / MuJoCo 3.3.0 with the same grasp
/// (MetaWorld's scripted policy up to the lift, then the hand held still with the policy's grip,
/// layouts 0-2 of `MT1(seed=0)`): the peg creeps 0.51 mm/s, the puck 1.97 mm/s, steadily over
/// 50-300 steps after the lift. With rigid friction both stay put (0 mm/s), which kept our hand
/// propped above the peg in MetaWorld's peg-insert-side policy.
@Suite struct GraspCreepTests {
    /// How fast (mm/s) the held object slides down relative to the hand between 50 and 300 steps
    /// after `policy` has lifted it, holding still with the policy's grip.
    static func creepMillimetresPerSecond(task: String, layout: Int, grip: Double,
                                          policy: (ObservationView) -> SIMD4<Double>) throws -> Double {
        let env = try ManipulationEnvironment(task: task, suiteSeed: 0)
        try env.reset(layoutIndex: layout)
        func view<T>(_ body: (ObservationView) -> T) -> T { env.observation.withUnsafeBufferPointer { body(ObservationView($0)) } }
        var lifted = false
        for _ in 0..<200 where !lifted {
            _ = try env.step(view(policy))
            lifted = view { $0.object.z > 0.08 && $0.hand.z > 0.12 }
        }
        #expect(lifted, "\(task) layout \(layout): the policy did not lift the object in 200 steps")
        var offsets: [Double] = []
        for step in 1...300 {
            _ = try env.step(SIMD4(0, 0, 0, grip))
            if step == 50 || step == 300 { offsets.append(view { $0.hand.z - $0.object.z }) }
        }
        #expect(env.faultCount == 0)
        return (offsets[1] - offsets[0]) * 1000 / (250 * ManipulationEnvironment.timestepSeconds * Double(ManipulationEnvironment.frameSkip))
    }

    @Test(arguments: 0..<3) func heldPegCreepsAsInMuJoCo(layout: Int) throws {
        let speed = try Self.creepMillimetresPerSecond(
            task: "peg-insert-side-v3", layout: layout, grip: 0.6, policy: PegInsertSideTaskTests.metaWorldPolicy)
        #expect(speed > 0.3 && speed < 0.75, "peg creeps \(speed) mm/s; MuJoCo 0.51")
    }

    @Test(arguments: 0..<3) func heldPuckCreepsAsInMuJoCo(layout: Int) throws {
        let speed = try Self.creepMillimetresPerSecond(
            task: "pick-place-v3", layout: layout, grip: 1, policy: MetaWorldPolicyTests.pickPlace)
        #expect(speed > 1.3 && speed < 2.7, "puck creeps \(speed) mm/s; MuJoCo 1.97")
    }
}
