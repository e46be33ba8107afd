import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// window-open-v3 scene (docs/tasks.md, 'window-open-v3'): layout, observed handle site, success at
/// ≈0.19 of slide.
@Suite struct WindowOpenTaskTests {
    @Test func resetObservationShowsTheClosedHandleSite() throws {
        let env = try ManipulationEnvironment(task: "window-open-v3", suiteSeed: 5)
        for index in [0, 23, 49] {
            let obs = try env.reset(layoutIndex: index)
            let window = SIMD3(env.layout[0], env.layout[1], env.layout[2])
            #expect(window.z == 0.16)
            #expect(length(SIMD3(obs[4], obs[5], obs[6]) - (window + SIMD3(-0.04, -0.095, 0))) < 1e-6)
            #expect(obs[7..<11].allSatisfy { $0 == 0 })
            #expect(Array(obs[36..<39]) == [window.x + 0.2, window.y, window.z])
            #expect(abs(env.scene.jointPosition(world: env.world)) < 1e-6)
            #expect(env.objectInit == SIMD3(obs[4], obs[5], obs[6]))
        }
    }

    @Test func successNeedsTheSlideNearItsStop() throws {
        let env = try ManipulationEnvironment(task: "window-open-v3", suiteSeed: 5)
        try env.reset(layoutIndex: 8)
        let scene = try #require(env.scene as? WindowOpenTask)
        let window = SIMD3(env.layout[0], env.layout[1], env.layout[2])
        scene.window.fixture.place(at: window, jointPosition: 0.18, in: env.world)
        let short = try env.step(SIMD4(0, 0, 0, 0))
        #expect(abs(env.scene.jointPosition(world: env.world) - 0.18) < 1e-4)
        #expect(!short.success)
        #expect(abs(env.observation[4] - (window.x + 0.18 - 0.04)) < 1e-4)
        scene.window.fixture.place(at: window, jointPosition: 0.195, in: env.world)
        let open = try env.step(SIMD4(0, 0, 0, 0))
        #expect(open.success)
        #expect(open.reward == WindowOpenReward.evaluate(env.rewardInputs).reward)
    }
}
