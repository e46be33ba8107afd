import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// stick-pull-v3: the thermos slid 9 cm toward +y with its handle loop observed in obs[11:14],
/// the stick's end as the extra reward point, the scripted controller over the suite layouts,
/// and determinism.
@Suite struct StickPullTaskTests {
    @Test func resetPlacesStickAndThermos() throws {
        let env = try ManipulationEnvironment(task: StickPullTask.name, suiteSeed: 2)
        let o = try env.reset(layoutIndex: 7)
        let v = env.layout
        #expect(abs(o[4] - v[0]) < 1e-3 && abs(o[5] - v[1]) < 1e-3 && abs(o[6] - 0.02) < 1e-3)
        // The handle loop's centre: thermos at (0.2, 0.69), loop 9 cm in front of its axis.
        #expect(abs(o[11] - 0.2) < 1e-6 && abs(o[12] - 0.6) < 1e-6 && abs(o[13] - 0.132) < 1e-6)
        #expect(SIMD3(o[36], o[37], o[38]) == SIMD3(v[3], v[4], 0.02))
        let inputs = env.rewardInputs
        #expect(inputs.objectInit == SIMD3(v[0], v[1], 0.02))
        #expect(length(inputs.extra - (SIMD3(o[4], o[5], o[6]) + SIMD3(0.05, 0, 0))) < 1e-3)
        #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
    }

    @Test func theLoopLetsTheStickThrough() throws {
        // The loop's opening (7 cm across in y, 11.6 cm in z) takes the 4 × 4 cm stick.
        let env = try ManipulationEnvironment(task: StickPullTask.name, suiteSeed: 0)
        try env.reset(layoutIndex: 0)
        let scene = try #require(env.scene as? StickPullTask)
        let loop = SIMD3(env.observation[11], env.observation[12], env.observation[13])
        scene.stick.place(at: loop + SIMD3(0.02, 0, 0), in: env.world)
        for _ in 0..<5 { _ = try env.step(SIMD4(0, 0, 0, -1)) }
        let inputs = env.rewardInputs
        // Resting on the loop's lower arm, the stick stays in it: MetaWorld's "inserted" test.
        #expect(inputs.extra.x >= inputs.secondObject.x && abs(inputs.extra.y - inputs.secondObject.y) <= 0.04)
        #expect(abs(inputs.extra.z - inputs.secondObject.z) <= 0.06)
    }

    @Test func scriptedControllerPullsTheThermosOnTheSuiteLayouts() throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(StickPullTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: StickPullTask.name)
        #expect(hash == 11_622_131_883_828_768_235, "stick-pull: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: StickPullTask.name) == hash)
    }
}
