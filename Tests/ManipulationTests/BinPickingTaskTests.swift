import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// bin-picking-v3: the cube resting in the start bin (kept clear of its walls), the fixed goal
/// bin, the first-step margin point, the scripted controller over the suite layouts, and
/// determinism.
@Suite struct BinPickingTaskTests {
    @Test func resetPutsTheCubeInTheStartBin() throws {
        let env = try ManipulationEnvironment(task: BinPickingTask.name, suiteSeed: 2)
        for layout in 0..<LayoutTable.layoutsPerTask {
            let o = try env.reset(layoutIndex: layout)
            let v = env.layout
            // Inside the bin, clear of its inner walls (x −0.21 … −0.03), resting on its floor.
            #expect(o[4] >= -0.19 - 1e-3 && o[4] <= -0.05 + 1e-3 && abs(o[5] - v[1]) < 2e-3, "layout \(layout): \(o[4]) \(o[5])")
            #expect(abs(o[6] - BinPickingTask.restingZ) < 2e-3)
            #expect(SIMD3(o[36], o[37], o[38]) == SIMD3(0.12, 0.7, 0))
            // objectInit keeps the drawn x, as MetaWorld's obj_init_pos does.
            #expect(env.rewardInputs.objectInit.x == v[0])
        }
    }

    @Test func theMarginPointIsTheCubeAtTheFirstStep() throws {
        let env = try ManipulationEnvironment(task: BinPickingTask.name, suiteSeed: 0)
        try env.reset(layoutIndex: 3)
        _ = try env.step(SIMD4(0, 0, 0, 0))
        let first = SIMD3(env.observation[4], env.observation[5], env.observation[6])
        #expect(env.rewardInputs.extra == first)
        let scene = try #require(env.scene as? BinPickingTask)
        env.world.setPose(Transform(position: first + SIMD3(0, 0, 0.05)), of: scene.cube.body)
        _ = try env.step(SIMD4(0, 0, 0, 0))
        #expect(env.rewardInputs.extra == first)
    }

    @Test func scriptedControllerMovesTheCubeOnTheSuiteLayouts() throws {
        // Scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(BinPickingTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: BinPickingTask.name)
        #expect(hash == 13_984_379_762_077_318_385, "bin-picking: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: BinPickingTask.name) == hash)
    }
}
