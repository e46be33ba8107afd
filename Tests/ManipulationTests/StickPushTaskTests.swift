import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// stick-push-v3: the stick on the table and the thermos at its slides' zero, the thermos point
/// in obs[11:14], the slides' damping and travel, the scripted controller over the suite layouts,
/// and determinism.
@Suite struct StickPushTaskTests {
    @Test func resetPlacesStickAndThermos() throws {
        let env = try ManipulationEnvironment(task: StickPushTask.name, suiteSeed: 2)
        let o = try env.reset(layoutIndex: 7)
        let v = env.layout
        #expect(abs(o[4] - v[0]) < 1e-3 && abs(o[5] - v[1]) < 1e-3 && abs(o[6] - 0.02) < 1e-3)
        // The thermos's axis at the handle's height, at its base (0.2, 0.6).
        #expect(abs(o[11] - 0.2) < 1e-6 && abs(o[12] - 0.6) < 1e-6 && abs(o[13] - 0.132) < 1e-6)
        #expect(o[14] == 0 && o[15] == 0 && o[16] == 0 && o[17] == 0)
        #expect(SIMD3(o[36], o[37], o[38]) == SIMD3(v[3], v[4], 0.132))
        #expect(env.rewardInputs.objectInit == SIMD3(v[0], v[1], 0.02))
        #expect(env.rewardInputs.secondObject == SIMD3(o[11], o[12], o[13]))
        #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
    }

    @Test func theThermosCoastsOnItsSlidesAndStopsAtTheirEnd() throws {
        // MetaWorld's thermos slides without touching the table (5 N moves the 3.27 kg flask as
        // a free mass, measured on MuJoCo): only the slides' damping of 1 N·s/m brakes it, a
        // 3.3 s time constant, and the slides end at ±0.2.
        let env = try ManipulationEnvironment(task: StickPushTask.name, suiteSeed: 0)
        try env.reset(layoutIndex: 0)
        let scene = try #require(env.scene as? StickPushTask)
        env.world.setVelocity(linear: SIMD3(0.4, 0, 0), of: scene.thermos.carriage)
        env.world.setVelocity(linear: SIMD3(0.4, 0, 0), of: scene.thermos.thermos)
        for _ in 0..<20 { _ = try env.step(SIMD4(0, 0, 0, 0)) }
        let travelled = env.world.jointPosition(scene.thermos.jointX)
        #expect(abs(travelled - 0.4 * 0.25 * 0.96) < 0.005, "slide x after 0.25 s: \(travelled)")
        // It reaches the end of its travel and stays within the stop's softness (ODE's stop
        // returns it a little, as MuJoCo's soft limit does).
        var farthest = travelled
        for _ in 0..<60 {
            _ = try env.step(SIMD4(0, 0, 0, 0))
            farthest = max(farthest, env.world.jointPosition(scene.thermos.jointX))
        }
        #expect(farthest > 0.2 - Thermos.stopSoftness && farthest < 0.2 + Thermos.stopSoftness, "farthest slide x: \(farthest)")
        #expect(abs(env.world.jointPosition(scene.thermos.jointY)) < 1e-3)
    }

    @Test func scriptedControllerPushesTheThermosOnTheSuiteLayouts() throws {
        // Joint stops, scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(StickPushTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: StickPushTask.name)
        #expect(hash == 5_927_950_694_800_075_635, "stick-push: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: StickPushTask.name) == hash)
    }
}
