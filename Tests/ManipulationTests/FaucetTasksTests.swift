import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// faucet-open and faucet-close: sites and goals as MetaWorld places them, scripted solutions
/// over the suite layouts within the hinge's stops, and determinism.
@Suite struct FaucetTasksTests {
    static let tasks = ["faucet-open-v3", "faucet-close-v3"]

    @Test func resetPlacesTheHandleSiteAndGoal() throws {
        for task in Self.tasks {
            let env = try ManipulationEnvironment(task: task, suiteSeed: 2)
            let o = try env.reset(layoutIndex: 8)
            let base = SIMD3(env.layout[0], env.layout[1], env.layout[2])
            let opening = task == FaucetOpenTask.name
            let site = SIMD3(o[4], o[5], o[6]), goal = SIMD3(o[36], o[37], o[38])
            #expect(abs(env.scene.jointPosition(world: env.world)) < 0.01)
            #expect(length(site - (base + SIMD3(opening ? -0.015 : 0.015, -0.175, 0.114))) < 2e-3)
            #expect(goal == base + SIMD3(opening ? 0.175 : -0.175, 0, 0.125))
            #expect(env.rewardInputs.objectInit == base)
            #expect(SIMD4(o[7], o[8], o[9], o[10]) == SIMD4(1, 0, 0, 0))
            #expect(length(SIMD3(o[0], o[1], o[2]) - SIMD3(0, 0.4, 0.2)) < 0.01)
            #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
        }
    }

    @Test(arguments: tasks)
    func scriptedControllerTurnsTheHandleOnTheSuiteLayouts(task: String) throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(task, suiteSeed: 0)
        #expect(failed.count <= 5, "\(task): failed layouts \(failed)")
    }

    @Test(arguments: [("faucet-open-v3", UInt64(2_024_951_607_568_056_453)), ("faucet-close-v3", UInt64(2_214_651_503_444_427_201))])
    func fixedSeedGivesTheRecordedState(task: String, recorded: UInt64) throws {
        let hash = try DeterminismTests.stateHash(task: task)
        #expect(hash == recorded, "\(task): state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: task) == hash)
    }
}
