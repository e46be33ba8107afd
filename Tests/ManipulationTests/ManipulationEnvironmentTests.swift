import Foundation
import MallocCounter
import TaskRewards
import Testing
import Physics
@testable import Manipulation
import RandomStreams

@Suite struct ManipulationEnvironmentTests {
    @Test func resetObservationFollowsTheLayout() throws {
        let env = try ManipulationEnvironment(task: "pick-place-v3", suiteSeed: 7)
        let obs = try env.reset(layoutIndex: 3)
        let layout = env.layouts.layouts[3]
        #expect(obs.count == 39)
        #expect(length(SIMD3(obs[0], obs[1], obs[2]) - PickPlaceTask.spec.handInit) < 0.006)
        #expect(abs(obs[3] - 1) < 1e-6)
        #expect(abs(obs[4] - layout[0]) < 0.002 && abs(obs[5] - layout[1]) < 0.002 && abs(obs[6] - 0.02) < 0.002)
        // Puck quaternion (x, y, z, w) upright, then zero padding.
        #expect(abs(obs[10] - 1) < 1e-3)
        #expect(obs[11..<18].allSatisfy { $0 == 0 })
        #expect(Array(obs[18..<36]) == Array(obs[0..<18]))
        #expect(Array(obs[36..<39]) == [layout[3], layout[4], layout[5]])
    }

    @Test func stepShiftsThePreviousFrame() throws {
        let env = try ManipulationEnvironment(task: "reach-v3")
        let first = env.reset(seed: 1)
        _ = try env.step(SIMD4(1, 0, 0, 0))
        let second = env.observation
        #expect(Array(second[18..<36]) == Array(first[0..<18]))
        #expect(second[0] > first[0])
        _ = try env.step(SIMD4(1, 0, 0, 0))
        #expect(Array(env.observation[18..<36]) == Array(second[0..<18]))
    }

    @Test func pushGoalSitsAtThePuckHeight() throws {
        let env = try ManipulationEnvironment(task: "push-v3")
        let obs = env.reset(seed: 4)
        #expect(abs(obs[38] - obs[6]) < 1e-12)
        #expect(obs[38] > 0.017 && obs[38] < 0.021)
    }

    @Test func episodesTruncateAtFiveHundredSteps() throws {
        let env = try ManipulationEnvironment(task: "reach-v3")
        env.reset(seed: 0)
        for step in 1...500 {
            let outcome = try env.step(SIMD4(0, 0, 0, 0))
            #expect(outcome.truncated == (step == 500))
        }
        #expect(throws: EnvironmentError.episodeOver(steps: 500)) { try env.step(SIMD4(0, 0, 0, 0)) }
        env.reset(seed: 0)
        #expect(try env.step(SIMD4(0, 0, 0, 0)).truncated == false)
    }

    @Test func badActionsAreRejectedWithClearErrors() throws {
        let env = try ManipulationEnvironment(task: "reach-v3")
        #expect(throws: EnvironmentError.notReset) { try env.step(SIMD4(0, 0, 0, 0)) }
        env.reset(seed: 0)
        #expect(throws: EnvironmentError.wrongActionLength(count: 3)) { try env.step([0, 0, 0]) }
        #expect(throws: EnvironmentError.wrongActionLength(count: 0)) { try env.step([]) }
        do {
            _ = try env.step([0, .nan, 0, 0])
            Issue.record("NaN action accepted")
        } catch {
            #expect(error.description.contains("action[1]"))
        }
        #expect(throws: EnvironmentError.nonFiniteAction(index: 3, value: .infinity)) { try env.step([0, 0, 0, .infinity]) }
        // Rejected actions do not count as steps.
        #expect(env.stepCount == 0)
    }

    @Test func unknownTaskListsTheValidNames() {
        do {
            _ = try ManipulationEnvironment(task: "reach-v2")
            Issue.record("unknown task accepted")
        } catch {
            #expect(error.description.contains("reach-v2"))
            for name in TaskCatalog.names { #expect(error.description.contains(name)) }
        }
    }

    @Test func actionsOutsideTheBoxAreClippedAndTheHandStaysInBounds() throws {
        let env = try ManipulationEnvironment(task: "reach-v3")
        env.reset(seed: 0)
        let before = env.arm.mocapTarget
        _ = try env.step(SIMD4(50, -50, 0, 0))
        #expect(abs(env.arm.mocapTarget.x - before.x - 0.01) < 1e-12)
        #expect(abs(env.arm.mocapTarget.y - before.y + 0.01) < 1e-12)
        for _ in 0..<80 { _ = try env.step(SIMD4(-1, -1, 1, 0)) }
        #expect(env.arm.mocapTarget == SIMD3(-0.5, 0.4, 0.5))
    }

    @Test func sameSeedGivesTheSameTrajectory() throws {
        func run() throws -> [Double] {
            let env = try ManipulationEnvironment(task: "pick-place-v3", layoutMode: .random, seed: 9)
            env.reset()
            var rng = SplitMix64(seed: 3)
            for _ in 0..<60 { _ = try env.step(SIMD4(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1))) }
            return env.observation
        }
        #expect(try run() == run())
    }

    @Test func physicsFaultEndsTheEpisodeAndResetRecovers() throws {
        let env = try ManipulationEnvironment(task: "push-v3")
        let clean = env.reset(seed: 2)
        let puck = (env.scene as! PushTask).puck.body
        env.world.setVelocity(linear: SIMD3(0, 0, 1e4), of: puck)
        let outcome = try env.step(SIMD4(0, 0, 0, 0))
        #expect(outcome.truncated)
        #expect(outcome.fault?.bodyName == "obj")
        #expect(env.faultCount == 1)
        #expect(env.observation.allSatisfy { $0.isFinite })
        #expect(throws: EnvironmentError.self) { try env.step(SIMD4(0, 0, 0, 0)) }
        #expect(env.reset(seed: 2) == clean)
        #expect(try env.step(SIMD4(0, 0, 0, 0)).fault == nil)
    }

    @Test func nonFiniteStateIsCaughtBeforeODESeesIt() throws {
        let env = try ManipulationEnvironment(task: "reach-v3")
        let clean = env.reset(seed: 0)
        env.world.setVelocity(angular: SIMD3(.nan, 0, 0), of: env.arm.hand)
        let outcome = try env.step(SIMD4(0, 0, 0, 0))
        #expect(outcome.fault?.description.contains("not a finite number") == true)
        #expect(env.reset(seed: 0) == clean)
        for _ in 0..<5 { #expect(try env.step(SIMD4(1, 0, 0, 0)).fault == nil) }
    }

    /// Counts this thread's heap (bytes allocated minus bytes freed) rather than the process's
    /// resident size, which other suites running in parallel move by megabytes.
    @Test func tenThousandResetsDoNotGrowMemory() throws {
        let env = try ManipulationEnvironment(task: "push-v3")
        for seed in 0..<200 { env.reset(seed: UInt64(seed)) }

        // The counter must see a block that is kept.
        malloc_counter_start()
        let kept = [UInt8](repeating: 1, count: 100_000)
        _ = malloc_counter_stop()
        #expect(malloc_counter_live_bytes() >= 100_000 && kept[99_999] == 1)

        malloc_counter_start()
        for seed in 0..<10_000 { env.reset(seed: UInt64(seed)) }
        _ = malloc_counter_stop()
        let grown = malloc_counter_live_bytes()
        #expect(grown < 65_536, "the heap grew by \(grown) bytes over 10,000 resets")
    }
}
