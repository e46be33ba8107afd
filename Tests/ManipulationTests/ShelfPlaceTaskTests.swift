import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// shelf-place-v3: the cube and the bookcase where MetaWorld puts them, the scripted controller
/// over the suite layouts, and determinism.
@Suite struct ShelfPlaceTaskTests {
    @Test func resetPlacesTheCubeAndTheBookcase() throws {
        let env = try ManipulationEnvironment(task: ShelfPlaceTask.name, suiteSeed: 2)
        let o = try env.reset(layoutIndex: 7)
        let v = env.layout
        #expect(abs(o[4] - v[0]) < 2e-3 && abs(o[5] - v[1]) < 2e-3 && abs(o[6] - Cube.halfSide) < 2e-3)
        #expect(SIMD3(o[36], o[37], o[38]) == SIMD3(v[3], v[4], v[5]))
        #expect(env.rewardInputs.objectInit.z == o[6])
        #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
    }

    @Test func scriptedControllerPlacesTheCubeOnTheSuiteLayouts() throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(ShelfPlaceTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: ShelfPlaceTask.name)
        #expect(hash == 11_112_244_198_224_078_399, "shelf-place: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: ShelfPlaceTask.name) == hash)
    }
}
