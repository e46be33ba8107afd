import Foundation
import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// door-open-v3 scene (docs/tasks.md, 'door-open-v3'): layout, observation point and frame, reward
/// wiring, joint sign.
@Suite struct DoorOpenTaskTests {
    @Test func resetObservationShowsTheClosedDoorsHandle() throws {
        let env = try ManipulationEnvironment(task: "door-open-v3", suiteSeed: 3)
        for index in [0, 17, 49] {
            let obs = try env.reset(layoutIndex: index)
            let door = SIMD3(env.layout[0], env.layout[1], env.layout[2])
            #expect(env.layout[2] == 0.15)
            #expect(length(SIMD3(obs[4], obs[5], obs[6]) - (door + SIMD3(0.1907, -0.2071, 0))) < 1e-4)
            // Handle geom rotated 1.57 rad about x, scalar last (x, y, z, w).
            #expect(abs(obs[7] - sin(0.785)) < 1e-4 && abs(obs[8]) < 1e-6 && abs(obs[9]) < 1e-6 && abs(obs[10] - cos(0.785)) < 1e-4)
            #expect(Array(obs[36..<39]) == [door.x - 0.3, door.y - 0.45, door.z])
            #expect(abs(env.scene.jointPosition(world: env.world)) < 1e-6)
            #expect(env.objectInit == SIMD3(obs[4], obs[5], obs[6]))
        }
    }

    @Test func handleFollowsTheHingeAndTheRewardReadsTheAngle() throws {
        let env = try ManipulationEnvironment(task: "door-open-v3", suiteSeed: 3)
        try env.reset(layoutIndex: 5)
        let scene = try #require(env.scene as? DoorOpenTask)
        let door = SIMD3(env.layout[0], env.layout[1], env.layout[2])
        // Lift the hand clear of the leaf's sweep (leaf top at z 0.273), open the gripper.
        for _ in 0..<25 { _ = try env.step(SIMD4(0, 0, 1, -1)) }
        // Swing the door to −1.2 rad (toward the robot); nothing but damping acts on it then.
        scene.door.fixture.place(at: door, jointPosition: -1.2, in: env.world)
        let outcome = try env.step(SIMD4(0, 0, 0, -1))
        let angle = env.scene.jointPosition(world: env.world)
        #expect(abs(angle + 1.2) < 0.01)
        let hinge = door + DoorCabinet.hingeOffset
        let expected = hinge + Quaternion(axis: SIMD3(0, 0, 1), angleRadians: angle).rotate(DoorCabinet.handleCenter)
        let obs = env.observation
        #expect(length(SIMD3(obs[4], obs[5], obs[6]) - expected) < 1e-6)
        #expect(obs[5] < door.y - 0.3)
        let inputs = env.rewardInputs
        #expect(inputs.jointPosition == angle)
        #expect(outcome.reward == DoorOpenReward.evaluate(inputs).reward)
        // Open beyond 2°: the 0.2 "opened" step is earned, not yet success.
        #expect(outcome.inPlaceReward >= 0.2)
        #expect(!outcome.success)
        // At −1.5 rad the handle is within 8 cm (x) of the goal: success, reward 10.
        scene.door.fixture.place(at: door, jointPosition: -1.5, in: env.world)
        let open = try env.step(SIMD4(0, 0, 0, -1))
        #expect(open.success && open.reward == 10)
    }

    @Test func anUntouchedDoorStaysWhereItIs() throws {
        // No spring and no gravity torque about a vertical hinge: left alone, the door keeps its
        // angle, closed or ajar, and its handle its height.
        let env = try ManipulationEnvironment(task: "door-open-v3")
        for angle in [0.0, -0.5] {
            env.reset(seed: 2)
            let scene = try #require(env.scene as? DoorOpenTask)
            for _ in 0..<25 { _ = try env.step(SIMD4(0, 0, 1, -1)) }
            scene.door.fixture.place(at: SIMD3(env.layout[0], env.layout[1], env.layout[2]), jointPosition: angle, in: env.world)
            for _ in 0..<200 { _ = try env.step(SIMD4(0, 0, 0, 0)) }
            #expect(abs(env.scene.jointPosition(world: env.world) - angle) < 1e-3)
            #expect(abs(env.observation[6] - 0.15) < 1e-3)
        }
    }
}
