import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// The plate family (plate-slide, -side, -back, -back-side): the plate and cabinet where MetaWorld
/// puts them, scripted solutions over the suite layouts within the slides' stops, and determinism.
@Suite struct PlateSlideTasksTests {
    static let tasks = ["plate-slide-v3", "plate-slide-side-v3", "plate-slide-back-v3", "plate-slide-back-side-v3"]

    @Test func resetPlacesThePlate() throws {
        let starts: [String: SIMD3<Double>] = [
            "plate-slide-v3": SIMD3(0, 0.6, 0.015), "plate-slide-side-v3": SIMD3(0, 0.6, 0.015),
            "plate-slide-back-v3": SIMD3(0, 0.75, 0.015), "plate-slide-back-side-v3": SIMD3(-0.15, 0.6, 0.015),
        ]
        for task in Self.tasks {
            let env = try ManipulationEnvironment(task: task, suiteSeed: 2)
            let o = try env.reset(layoutIndex: 1)
            #expect(length(SIMD3(o[4], o[5], o[6]) - starts[task]!) < 2e-3, "\(task)")
            #expect(SIMD3(o[36], o[37], o[38]) == SIMD3(env.layout[3], env.layout[4], env.layout[5]))
            #expect(SIMD4(o[7], o[8], o[9], o[10]) == SIMD4(0, 0, 0, 1))
            #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
        }
    }

    @Test(arguments: tasks)
    func scriptedControllerSlidesThePlateOnTheSuiteLayouts(task: String) throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(task, suiteSeed: 0)
        #expect(failed.count <= 5, "\(task): failed layouts \(failed)")
    }

    @Test(arguments: [
        ("plate-slide-v3", UInt64(3_171_236_186_100_091_503)), ("plate-slide-side-v3", UInt64(9_366_037_764_154_634_101)),
        ("plate-slide-back-v3", UInt64(7_982_334_076_674_226_606)), ("plate-slide-back-side-v3", UInt64(4_947_640_433_476_803_332)),
    ])
    func fixedSeedGivesTheRecordedState(task: String, recorded: UInt64) throws {
        let hash = try DeterminismTests.stateHash(task: task)
        #expect(hash == recorded, "\(task): state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: task) == hash)
    }
}
