import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// window-close-v3 scene (docs/tasks.md, 'window-close-v3'): the pane starts open and the first
/// observation is true.
@Suite struct WindowCloseTaskTests {
    @Test func resetObservationShowsTheOpenHandleNotMetaWorldsStaleOne() throws {
        let env = try ManipulationEnvironment(task: "window-close-v3", suiteSeed: 5)
        for index in [0, 31, 49] {
            let obs = try env.reset(layoutIndex: index)
            let window = SIMD3(env.layout[0], env.layout[1], env.layout[2])
            #expect(window.x == 0 && window.z == 0.2 && window.y >= 0.75 && window.y < 0.9)
            #expect(abs(env.scene.jointPosition(world: env.world) - 0.2) < 1e-6)
            // handleCloseStart = pane + (0.01, −0.095, 0) with the pane 0.2 m open.
            #expect(length(SIMD3(obs[4], obs[5], obs[6]) - (window + SIMD3(0.21, -0.095, 0))) < 1e-6)
            #expect(obs[7..<11].allSatisfy { $0 == 0 })
            #expect(Array(obs[36..<39]) == [window.x, window.y, window.z])
            // The reward's reference is the open handle (MetaWorld's window_handle_pos_init).
            #expect(env.objectInit == SIMD3(obs[4], obs[5], obs[6]))
            // Nothing jumps on the first step.
            _ = try env.step(SIMD4(0, 0, 0, 0))
            #expect(abs(env.observation[4] - obs[4]) < 1e-4)
        }
    }

    @Test func successOnceTheSlideIsBelowFourCentimetres() throws {
        let env = try ManipulationEnvironment(task: "window-close-v3", suiteSeed: 5)
        try env.reset(layoutIndex: 2)
        let scene = try #require(env.scene as? WindowCloseTask)
        let window = SIMD3(env.layout[0], env.layout[1], env.layout[2])
        let start = try env.step(SIMD4(0, 0, 0, 0))
        #expect(!start.success)
        scene.window.fixture.place(at: window, jointPosition: 0.05, in: env.world)
        #expect(try env.step(SIMD4(0, 0, 0, 0)).success == false)
        scene.window.fixture.place(at: window, jointPosition: 0.035, in: env.world)
        let closed = try env.step(SIMD4(0, 0, 0, 0))
        #expect(closed.success)
        #expect(closed.reward == WindowCloseReward.evaluate(env.rewardInputs).reward)
    }
}
