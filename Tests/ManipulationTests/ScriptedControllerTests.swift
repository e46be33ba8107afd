import TaskRewards
import Testing
import Physics
@testable import Manipulation

/// Each task is solvable on our physics by a controller that sees only the observation.
@Suite struct ScriptedControllerTests {
    @Test(arguments: ["reach-v3", "push-v3", "pick-place-v3"])
    func controllerSolvesAtLeast95PercentOfLayouts(task: String) throws {
        #expect(try ControllerEpisodes.successes(task, suiteSeed: 0) >= 48)
    }

    @Test func graspedPuckStaysInHandAtFullSpeed() throws {
        let env = try ManipulationEnvironment(task: "pick-place-v3")
        try env.reset(layoutIndex: 0)
        let controller = PickPlaceController()
        let observation = UnsafeMutableBufferPointer<Double>.allocate(capacity: 39)
        defer { observation.deallocate() }
        var held = false
        for _ in 0..<150 where !held {
            env.copyObservation(into: observation)
            _ = try env.step(controller.action(for: UnsafeBufferPointer(observation)))
            held = PuckGrasp.phase(ObservationView(UnsafeBufferPointer(observation))) == .held
        }
        #expect(held)
        for _ in 0..<10 { _ = try env.step(SIMD4(0, 0, 1, 1)) }
        // Full speed along every axis, reversing abruptly.
        for direction in [SIMD3<Double>(1, 0, 0), SIMD3(-1, 0, 0), SIMD3(0, 1, 0), SIMD3(0, -1, 0), SIMD3(0, 0, 1), SIMD3(0, 0, -1)] {
            for _ in 0..<12 {
                _ = try env.step(SIMD4(direction, 1))
                let gap = length(env.rewardInputs.object - env.arm.tcp)
                #expect(gap < 0.03, "puck slipped \(gap) m from the fingertips moving \(direction)")
            }
        }
        #expect(env.rewardInputs.object.z > 0.05)
    }

    @Test func nothingTunnelsThroughTheTable() throws {
        let env = try ManipulationEnvironment(task: "push-v3")
        env.reset(seed: 0)
        let puck = (env.scene as! PushTask).puck.body
        // A puck thrown down at 6 m/s lands on the table.
        env.world.setPose(Transform(position: SIMD3(0.2, 0.7, 0.3)), of: puck)
        env.world.setVelocity(linear: SIMD3(0, 0, -6), of: puck)
        for _ in 0..<60 {
            _ = try env.step(SIMD4(0, 0, 0, 0))
            #expect(env.rewardInputs.object.z > 0.01)
        }
        // The gripper driven into the table at full speed stays above it.
        for _ in 0..<60 {
            _ = try env.step(SIMD4(0, 0, -1, 1))
            #expect(env.arm.tcp.z > -0.005)
        }
    }
}
