import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// pick-out-of-hole-v3: the cylinder in the frame's hole, the scripted controller over the suite
/// layouts, and determinism.
@Suite struct PickOutOfHoleTaskTests {
    @Test func resetPlacesTheCylinderInTheHole() throws {
        let env = try ManipulationEnvironment(task: PickOutOfHoleTask.name, suiteSeed: 2)
        let o = try env.reset(layoutIndex: 7)
        let v = env.layout
        #expect(length(SIMD3(o[4], o[5], o[6]) - SIMD3(0, 0.75, Puck.halfHeight)) < 2e-3)
        #expect(SIMD3(o[36], o[37], o[38]) == SIMD3(v[3], v[4], v[5]))
        #expect(env.rewardInputs.objectInit == SIMD3(0, 0.75, 0.02))
        #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
    }

    @Test func scriptedControllerLiftsTheCylinderOutOnTheSuiteLayouts() throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(PickOutOfHoleTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: PickOutOfHoleTask.name)
        #expect(hash == 15_276_515_868_041_115_048, "pick-out-of-hole: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: PickOutOfHoleTask.name) == hash)
    }
}
