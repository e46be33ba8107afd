import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// The coffee family (coffee-button, coffee-pull, coffee-push): the machine, button and mug where
/// MetaWorld puts them, scripted solutions over the suite layouts, and determinism.
@Suite struct CoffeeTasksTests {
    static let tasks = ["coffee-button-v3", "coffee-pull-v3", "coffee-push-v3"]

    @Test func resetPlacesMachineButtonAndMug() throws {
        for task in Self.tasks {
            let env = try ManipulationEnvironment(task: task, suiteSeed: 4)
            let o = try env.reset(layoutIndex: 3)
            let v = env.layout
            let object = SIMD3(o[4], o[5], o[6]), goal = SIMD3(o[36], o[37], o[38])
            if task == CoffeeButtonTask.name {
                let machine = SIMD3(v[0], v[1], v[2])
                #expect(length(object - (machine + SIMD3(0, -0.22, 0.3))) < 1e-3)
                #expect(length(goal - (machine + SIMD3(0, -0.19, 0.3))) < 1e-9)
                #expect(SIMD4(o[7], o[8], o[9], o[10]) == SIMD4(1, 0, 0, 0))
            } else {
                // The mug rests with its bottom (the body origin) just at the table, upright.
                #expect(abs(object.x - v[0]) < 2e-3 && abs(object.y - v[1]) < 2e-3 && abs(object.z) < 4e-3)
                #expect(goal == SIMD3(v[3], v[4], v[5]))
                #expect(abs(o[10]) > 0.99)  // w of (x, y, z, w)
                #expect(env.rewardInputs.objectInit == SIMD3(v[0], v[1], v[2]))
            }
            #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
        }
    }

    @Test(arguments: tasks)
    func scriptedControllerSolvesTheSuiteLayouts(task: String) throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(task, suiteSeed: 0)
        #expect(failed.count <= 5, "\(task): failed layouts \(failed)")
    }

    @Test(arguments: [("coffee-button-v3", UInt64(1_778_307_069_797_161_401)), ("coffee-pull-v3", UInt64(10_181_624_734_406_568_916)),
        ("coffee-push-v3", UInt64(9_542_541_202_573_941_038))])
    func fixedSeedGivesTheRecordedState(task: String, recorded: UInt64) throws {
        let hash = try DeterminismTests.stateHash(task: task)
        #expect(hash == recorded, "\(task): state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: task) == hash)
    }
}
