import Testing
import Foundation
import Physics
import TaskRewards
@testable import Manipulation

/// dial-turn-v3: the rim point and goal as MetaWorld computes them, the scripted controller on the
/// suite layouts, and determinism.
@Suite struct DialTurnTaskTests {
    @Test func resetPlacesTheRimPointAndGoal() throws {
        let env = try ManipulationEnvironment(task: DialTurnTask.name, suiteSeed: 1)
        let o = try env.reset(layoutIndex: 5)
        let dial = SIMD3(env.layout[0], env.layout[1], env.layout[2])
        #expect(length(SIMD3(o[4], o[5], o[6]) - (dial + SIMD3(0, -0.05, 0))) < 1e-4)
        #expect(SIMD3(o[36], o[37], o[38]) == dial + SIMD3(0, 0.03, 0.03))
        #expect(env.rewardInputs.objectInit == dial + SIMD3(0.05, -0.03, 0.09))
        // Turned by hand to q, the point follows (sin q, −cos q) on the rim.
        let task = env.scene as! DialTurnTask
        task.dial.fixture.place(at: dial, jointPosition: -1.45, in: env.world)
        let point = env.scene.objectPosition(world: env.world)
        #expect(length(point - (dial + 0.05 * SIMD3(sin(-1.45), -cos(-1.45), 0))) < 1e-6)
    }

    @Test func scriptedControllerTurnsTheDialOnTheSuiteLayouts() throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(DialTurnTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: DialTurnTask.name)
        #expect(hash == 18_326_521_777_205_935_649, "dial-turn: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: DialTurnTask.name) == hash)
    }
}
