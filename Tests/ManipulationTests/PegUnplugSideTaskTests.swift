import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// peg-unplug-side-v3: the plug in its hole with the goal 15 cm out, the fit's viscous hold and
/// its release, the scripted controller over the suite layouts, and determinism.
@Suite struct PegUnplugSideTaskTests {
    @Test func resetPutsThePlugInTheWall() throws {
        let env = try ManipulationEnvironment(task: PegUnplugSideTask.name, suiteSeed: 2)
        let o = try env.reset(layoutIndex: 7)
        let v = env.layout
        let end = SIMD3(v[0], v[1], v[2]) + PluggedWall.plugOffset + PluggedWall.pegEnd
        #expect(length(SIMD3(o[4], o[5], o[6]) - end) < 1e-3)
        #expect(env.rewardInputs.objectInit == end)
        #expect(length(SIMD3(o[36], o[37], o[38]) - (end + SIMD3(0.11, 0, 0))) < 1e-9)
        // Untouched, the plug stays put (MuJoCo's creeps 1.2 mm in 400 steps).
        for _ in 0..<100 { _ = try env.step(SIMD4(0, 0, 0, -1)) }
        #expect(length(SIMD3(env.observation[4], env.observation[5], env.observation[6]) - end) < 2e-3)
    }

    @Test func theFitIsViscousThenLetsGo() throws {
        // MuJoCo's press fit: about 2 mm/s per newton along +x; out of the hole the plug is free.
        let env = try ManipulationEnvironment(task: PegUnplugSideTask.name, suiteSeed: 0)
        try env.reset(layoutIndex: 0)
        let scene = try #require(env.scene as? PegUnplugSideTask)
        let start = env.world.jointPosition(scene.fixture.fit)
        env.world.setVelocity(linear: SIMD3(0.04, 0, 0), of: scene.fixture.plug)
        _ = try env.step(SIMD4(0, 0, 0, -1))
        // 0.04 m/s against 500 N·s/m damps out within a step: the 80 g plug barely moves.
        #expect(env.world.jointPosition(scene.fixture.fit) - start < 1e-3)
        #expect(env.world.isJointEnabled(scene.fixture.fit))
        // Slid out past the exit travel, the fit releases it.
        let wall = env.world.position(of: scene.fixture.wall)
        env.world.setPose(Transform(position: wall + PluggedWall.plugOffset + SIMD3(PluggedWall.exitTravel + 0.005, 0, 0)), of: scene.fixture.plug)
        _ = try env.step(SIMD4(0, 0, 0, -1))
        #expect(!env.world.isJointEnabled(scene.fixture.fit))
        // A reset puts it back in, held again.
        try env.reset(layoutIndex: 1)
        #expect(env.world.isJointEnabled(scene.fixture.fit))
    }

    @Test func scriptedControllerUnplugsOnTheSuiteLayouts() throws {
        // Scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(PegUnplugSideTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: PegUnplugSideTask.name)
        #expect(hash == 16_719_369_242_436_496_716, "peg-unplug-side: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: PegUnplugSideTask.name) == hash)
    }
}
