import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// door-lock and door-unlock on the locked cabinet: the lever's start, the observed sites and
/// goals as MetaWorld places them, scripted solutions on the suite layouts within the lever's
/// stops, and determinism.
@Suite struct LockedDoorTasksTests {
    static let tasks = ["door-lock-v3", "door-unlock-v3"]

    @Test func resetPlacesLeverSiteAndGoal() throws {
        for task in Self.tasks {
            let env = try ManipulationEnvironment(task: task, suiteSeed: 1)
            let o = try env.reset(layoutIndex: 4)
            let door = SIMD3(env.layout[0], env.layout[1], env.layout[2])
            let lock = door + LockedDoorCabinet.lockOffset
            let site = SIMD3(o[4], o[5], o[6]), goal = SIMD3(o[36], o[37], o[38])
            #expect(env.rewardInputs.objectInit == lock)
            #expect(SIMD4(o[7], o[8], o[9], o[10]) == SIMD4(1, 0, 0, 0))
            if task == DoorLockTask.name {
                #expect(abs(env.scene.jointPosition(world: env.world)) < 0.02)
                #expect(length(site - (lock + SIMD3(0.09, -0.04, 0.01))) < 2e-3)
                #expect(goal == lock + SIMD3(0, -0.04, -0.1))
            } else {
                #expect(abs(env.scene.jointPosition(world: env.world) - 1.5708) < 0.02)
                #expect(length(site - (lock + SIMD3(-0.01, -0.04, -0.09))) < 2e-3)
                #expect(length(goal - (lock + SIMD3(0.1, -0.04, 0))) < 1e-12)
            }
            #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
        }
    }

    @Test(arguments: tasks)
    func scriptedControllerWorksTheLeverOnTheSuiteLayouts(task: String) throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(task, suiteSeed: 0)
        #expect(failed.count <= 5, "\(task): failed layouts \(failed)")
    }

    @Test(arguments: [("door-lock-v3", UInt64(211_760_910_670_597_171)), ("door-unlock-v3", UInt64(14_931_228_161_378_907_742))])
    func fixedSeedGivesTheRecordedState(task: String, recorded: UInt64) throws {
        let hash = try DeterminismTests.stateHash(task: task)
        #expect(hash == recorded, "\(task): state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: task) == hash)
    }
}
