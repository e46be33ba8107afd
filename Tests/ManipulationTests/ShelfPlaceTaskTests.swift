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

    @Test func scriptedControllerSweepsTheCubeOnTheSuiteLayouts() throws {
        let env = try ManipulationEnvironment(task: ShelfPlaceTask.name, suiteSeed: 0)
        let controller = ShelfPlaceController()
        var successes = 0, failed: [Int] = []
        for layout in 0..<LayoutTable.layoutsPerTask {
            try env.reset(layoutIndex: layout)
            var succeeded = false
            while true {
                let outcome = try env.step(env.observation.withUnsafeBufferPointer { controller.action(for: $0) })
                if outcome.success { succeeded = true; break }
                if outcome.truncated { break }
            }
            if succeeded { successes += 1 } else { failed.append(layout) }
        }
        #expect(successes >= 45, "\(successes)/50, failed \(failed)")
        #expect(env.faultCount == 0)
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: ShelfPlaceTask.name)
        #expect(hash == 11_112_244_198_224_078_399, "shelf-place: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: ShelfPlaceTask.name) == hash)
    }
}
