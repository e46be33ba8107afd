import TaskRewards
import Testing
import Physics
@testable import Manipulation
import RandomStreams

/// The door and window mechanisms under many random and scripted episodes: finite numbers,
/// nothing leaving the scene, joints inside their range up to the stops' documented softness;
/// and a recorded state per task (determinism).
@Suite struct ArticulatedFixtureTests {
    static let tasks = ["door-open-v3", "window-open-v3", "window-close-v3"]

    /// The task's joint range widened by the documented stop softness.
    static func allowedRange(_ task: String) -> ClosedRange<Double> {
        if task == "door-open-v3" {
            let soft = ArticulatedFixture.hingeStopSoftness
            return (DoorCabinet.openingRange.lowerBound - soft)...(DoorCabinet.openingRange.upperBound + soft)
        }
        let soft = ArticulatedFixture.slideStopSoftness
        return (SlidingWindow.slideRange.lowerBound - soft)...(SlidingWindow.slideRange.upperBound + soft)
    }

    @Test(arguments: tasks)
    func randomAndScriptedEpisodesStayFiniteInsideTheSceneAndTheRange(task: String) throws {
        let env = try ManipulationEnvironment(task: task, layoutMode: .random, seed: 21)
        let controller = try #require(scriptedController(for: task))
        let allowed = Self.allowedRange(task)
        let observation = UnsafeMutableBufferPointer<Double>.allocate(capacity: 39)
        defer { observation.deallocate() }
        var rng = SplitMix64(seed: 77)
        var extreme = (low: Double.infinity, high: -Double.infinity)
        // Episode kinds: 0 uniform random actions, 1 scripted with heavy noise, 2 scripted with
        // random bursts and hard gripper flips. All run the full 500 steps, past any success.
        for episode in 0..<9 {
            env.reset(seed: UInt64(episode))
            let kind = episode % 3
            var truncated = false
            var step = 0
            while !truncated {
                env.copyObservation(into: observation)
                let scripted = controller.action(for: UnsafeBufferPointer(observation))
                let noise = SIMD4(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1))
                let action: SIMD4<Double> = switch kind {
                case 0: noise * 1.5
                case 1: scripted + noise * 0.7
                default: (step / 40) % 3 == 2 ? noise * 2 : SIMD4(scripted.x, scripted.y, scripted.z, step % 50 < 25 ? 1 : -1)
                }
                let outcome = try env.step(action)
                truncated = outcome.truncated
                step += 1
                let obs = env.observation
                #expect(obs.allSatisfy { $0.isFinite }, "\(task) episode \(episode) step \(step): non-finite observation")
                let object = SIMD3(obs[4], obs[5], obs[6])
                #expect(object.x > -0.7 && object.x < 0.7 && object.y > 0.2 && object.y < 1 && object.z > 0 && object.z < 0.6,
                        "\(task) episode \(episode) step \(step): object at \(object)")
                let q = env.scene.jointPosition(world: env.world)
                extreme = (min(extreme.low, q), max(extreme.high, q))
                #expect(allowed.contains(q), "\(task) episode \(episode) step \(step): joint at \(q)")
                #expect(outcome.reward.isFinite && outcome.reward >= 0 && outcome.reward <= 10)
            }
        }
        #expect(env.faultCount == 0)
        #expect(env.world.droppedContactCount == 0)
        // The episodes did move the mechanism through a good part of its range.
        #expect(extreme.high - extreme.low > (task == "door-open-v3" ? 1.0 : 0.15))
    }

    @Test func aDoorSlammedOntoItsStopsStaysInRange() throws {
        let env = try ManipulationEnvironment(task: "door-open-v3")
        env.reset(seed: 4)
        let scene = try #require(env.scene as? DoorOpenTask)
        let part = scene.door.fixture.part
        let allowed = Self.allowedRange("door-open-v3")
        // Lift the hand clear of the leaf's sweep, then spin the leaf hard both ways: 40 rad/s
        // (it would travel ~6 rad against the damping) into each stop.
        for _ in 0..<25 { _ = try env.step(SIMD4(0, 0, 1, -1)) }
        var reached = (low: 0.0, high: -2.0)
        for spin in [-40.0, 40.0] {
            let pose = env.world.pose(of: part)
            let spinVector = SIMD3<Double>(0, 0, spin)
            let linear = cross(spinVector, pose.apply(DoorCabinet.leafCenterOfMass) - pose.position)
            env.world.setVelocity(linear: linear, angular: spinVector, of: part)
            for _ in 0..<40 {
                _ = try env.step(SIMD4(0, 0, 0, 0))
                let q = env.scene.jointPosition(world: env.world)
                reached = (min(reached.low, q), max(reached.high, q))
                #expect(allowed.contains(q), "door at \(q)")
            }
        }
        #expect(reached.low < -1.99 && reached.high > -0.01)
        #expect(env.faultCount == 0)
    }

    @Test(arguments: ["window-open-v3", "window-close-v3"])
    func aPaneThrownOntoItsStopsStaysInRange(task: String) throws {
        let env = try ManipulationEnvironment(task: task)
        env.reset(seed: 4)
        let part = try #require((env.scene as? WindowOpenTask)?.window.fixture.part ?? (env.scene as? WindowCloseTask)?.window.fixture.part)
        let allowed = Self.allowedRange(task)
        // Hand back toward the robot, out of the pane's way; then throw the pane at 2 m/s (more
        // than twice the fastest hand) into each stop.
        for _ in 0..<20 { _ = try env.step(SIMD4(0, -1, 0, -1)) }
        var reached = (low: 0.2, high: 0.0)
        for speed in [2.0, -2.0, 2.0] {
            env.world.setVelocity(linear: SIMD3(speed, 0, 0), of: part)
            for _ in 0..<25 {
                _ = try env.step(SIMD4(0, 0, 0, 0))
                let q = env.scene.jointPosition(world: env.world)
                reached = (min(reached.low, q), max(reached.high, q))
                #expect(allowed.contains(q), "pane at \(q)")
            }
        }
        #expect(reached.low < 0.001 && reached.high > 0.199)
        #expect(env.faultCount == 0)
    }

    static func stateHash(task: String) throws -> UInt64 {
        let env = try ManipulationEnvironment(task: task, suiteSeed: 7)
        env.reset(seed: 13)
        let controller = try #require(scriptedController(for: task))
        let observation = UnsafeMutableBufferPointer<Double>.allocate(capacity: 39)
        defer { observation.deallocate() }
        var rng = SplitMix64(seed: 99)
        // Scripted with noise, so that the hand works the mechanism.
        for _ in 0..<150 {
            env.copyObservation(into: observation)
            let noise = SIMD4(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1))
            _ = try env.step(controller.action(for: UnsafeBufferPointer(observation)) + noise * 0.3)
        }
        return env.observationHash
    }

    @Test(arguments: [
        ("door-open-v3", UInt64(10_991_702_815_103_994_588)),
        ("window-open-v3", UInt64(13_185_642_369_359_993_879)),
        ("window-close-v3", UInt64(15_881_935_709_921_015_659)),
    ])
    func fixedSeedGivesTheRecordedState(task: String, recorded: UInt64) throws {
        let hash = try Self.stateHash(task: task)
        #expect(hash == recorded, "\(task): state hash \(hash)")
        #expect(try Self.stateHash(task: task) == hash)
    }
}
