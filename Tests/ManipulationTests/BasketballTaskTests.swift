import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// basketball-v3: the ball resting on the table, the hoop moved to its layout with the target at
/// its ring, a ball dropped through the ring, the scripted controller over the suite layouts, and
/// determinism.
@Suite struct BasketballTaskTests {
    @Test func resetPlacesBallAndHoop() throws {
        let env = try ManipulationEnvironment(task: BasketballTask.name, suiteSeed: 2)
        let o = try env.reset(layoutIndex: 7)
        let v = env.layout
        #expect(abs(o[4] - v[0]) < 1e-3 && abs(o[5] - v[1]) < 1e-3 && abs(o[6] - BasketballTask.ballRadius) < 1e-3)
        #expect(SIMD3(o[36], o[37], o[38]) == SIMD3(v[3], v[4], v[5]) + BasketballHoop.ringCenter)
        #expect(env.rewardInputs.objectInit == SIMD3(v[0], v[1], Double(Float(0.03))))
        #expect(!(try env.step(SIMD4(0, 0, 0, 0))).success)
    }

    @Test func aBallDroppedOverTheRingFallsThroughIt() throws {
        // The ring's clear hole (about 6.8 cm) lets the 6 cm ball through.
        let env = try ManipulationEnvironment(task: BasketballTask.name, suiteSeed: 0)
        try env.reset(layoutIndex: 0)
        let scene = try #require(env.scene as? BasketballTask)
        let ring = scene.goal
        env.world.setPose(Transform(position: ring + SIMD3(0, 0, 0.08)), of: scene.ball.body)
        for _ in 0..<40 { _ = try env.step(SIMD4(0, 0, 0, -1)) }
        let ball = env.world.position(of: scene.ball.body)
        #expect(ball.z < ring.z - 0.1, "ball at \(ball), ring at \(ring)")
    }

    @Test func scriptedControllerHoldsTheBallOverTheRingOnTheSuiteLayouts() throws {
        // Scene bounds and finiteness along these episodes: TaskRobustnessTests.
        let failed = try ControllerEpisodes.failedLayouts(BasketballTask.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: BasketballTask.name)
        #expect(hash == 5_616_938_745_411_501_291, "basketball: state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: BasketballTask.name) == hash)
    }
}
