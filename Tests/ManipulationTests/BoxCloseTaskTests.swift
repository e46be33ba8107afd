import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// box-close-v3: the lid dropped in its XML orientation, the box moved under the target, the lid
/// resting on the box walls as MuJoCo's hulls make it, the scripted controller over the suite
/// layouts, and determinism.
@Suite struct BoxCloseTaskTests {
    @Test func resetDropsTheLidFlatAndMovesTheBox() throws {
        let env = try ManipulationEnvironment(task: BoxCloseTask.name, suiteSeed: 2)
        let o = try env.reset(layoutIndex: 7)
        let v = env.layout
        // Dropped from 7.9 cm, the lid has landed flat on its slab by the first observation.
        #expect(abs(o[4] - v[0]) < 2e-3 && abs(o[5] - v[1]) < 2e-3)
        #expect(abs(o[6] - BoxLid.slabBottomBelowTopLink) < 1e-3)
        let q = SIMD4(o[7], o[8], o[9], o[10])
        #expect(BoxCloseReward.uprightFactor(q) > 0.98, "lid quaternion \(q)")
        #expect(SIMD3(o[36], o[37], o[38]) == SIMD3(v[3], v[4], v[5]))
        #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
    }

    @Test func theLidRestsOnTheBoxWallsAsMuJoCosDoes() throws {
        // MuJoCo's solid lid hull rests on the walls with top_link at z 0.0756 (measured).
        let env = try ManipulationEnvironment(task: BoxCloseTask.name, suiteSeed: 0)
        try env.reset(layoutIndex: 0)
        let scene = try #require(env.scene as? BoxCloseTask)
        scene.lid.place(topLinkAt: SIMD3(scene.goal.x, scene.goal.y, 0.1), in: env.world)
        var success = false
        for _ in 0..<40 { success = try env.step(SIMD4(0, 0, 0, -1)).success || success }
        let lid = env.world.position(of: scene.lid.body)
        #expect(abs(lid.z - (Bin.wallTop + BoxLid.slabBottomBelowTopLink)) < 2e-3, "seated lid at \(lid)")
        #expect(success)
    }

    @Test func scriptedControllerClosesTheBoxOnTheSuiteLayouts() throws {
        // Scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(BoxCloseTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: BoxCloseTask.name)
        #expect(hash == 11_874_839_613_019_308_820, "box-close: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: BoxCloseTask.name) == hash)
    }
}
