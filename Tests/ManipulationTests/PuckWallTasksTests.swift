import Testing
import Physics
import TaskRewards
@testable import Manipulation
import RandomStreams

/// MT50's puck and wall family (reach-wall, push-wall, pick-place-wall, push-back): the fixed wall, the
/// layouts' meaning in the observation, scripted solutions over the 50 suite layouts, the wall
/// holding, and determinism. (Random and held-random play is covered for every catalogue task
/// by `TaskRobustnessTests`.)
@Suite struct PuckWallTasksTests {
    static let tasks = ["pick-place-wall-v3", "push-wall-v3", "push-back-v3", "reach-wall-v3"]

    /// The wall: x −0.02-0.22, y 0.74-0.76, 0.12 high.
    static func insideWall(_ p: SIMD3<Double>, margin: Double) -> Bool {
        p.x > -0.02 - margin && p.x < 0.22 + margin && p.y > 0.74 - margin && p.y < 0.76 + margin && p.z < 0.12 + margin
    }

    static func largestDifference(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> Double {
        (0..<4).map { abs(a[$0] - b[$0]) }.max()!
    }

    /// push-back's cube keeps its orientation (rotation locked) while dragged, lifted and set down.
    @Test func pushBackCubeStaysLevel() throws {
        let env = try ManipulationEnvironment(task: PushBackTask.name)
        let controller = PushBackController()
        try env.reset(layoutIndex: 5)
        for _ in 0..<300 {
            _ = try env.step(env.observation.withUnsafeBufferPointer { controller.action(for: $0) })
            let o = env.observation
            #expect(Self.largestDifference(SIMD4(o[7], o[8], o[9], o[10]), SIMD4(0, 0, 0, 1)) < 1e-3)
        }
    }

    @Test(arguments: tasks)
    func scriptedControllerSolvesTheSuiteLayouts(task: String) throws {
        let hasWall = task.hasSuffix("-wall-v3")
        let failed = try ControllerEpisodes.failedLayouts(task, suiteSeed: 0) { env, layout in
            // Neither the puck's centre nor the fingertips ever go through the wall.
            guard hasWall else { return }
            #expect(!Self.insideWall(env.scene.objectPosition(world: env.world), margin: -0.005), "\(task) layout \(layout)")
            #expect(!Self.insideWall(env.arm.tcp, margin: -0.005), "\(task) layout \(layout): tcp \(env.arm.tcp)")
        }
        #expect(failed.count <= 5, "\(task): failed layouts \(failed)")
    }

    @Test func resetObservationsFollowMetaWorldsConventions() throws {
        for task in Self.tasks {
            let env = try ManipulationEnvironment(task: task, suiteSeed: 3)
            let o = try env.reset(layoutIndex: 2)
            let v = env.layout
            let object = SIMD3(o[4], o[5], o[6]), goal = SIMD3(o[36], o[37], o[38])
            let inputs = env.rewardInputs
            #expect(abs(object.x - v[0]) < 2e-3 && abs(object.y - v[1]) < 2e-3, "\(task)")
            switch task {
            case PushWallTask.name:
                // Both z are the puck's settled height.
                #expect(abs(object.z - Puck.halfHeight) < 2e-3 && goal.z == inputs.objectInit.z)
                #expect(goal.x == v[3] && goal.y == v[4])
            case PickPlaceWallTask.name:
                // Placed 5 mm into the table (obj_init keeps the drawn 0.015); it has risen by now.
                #expect(inputs.objectInit == SIMD3(v[0], v[1], 0.015))
                #expect(abs(object.z - Puck.halfHeight) < 2e-3)
                #expect(goal == SIMD3(v[3], v[4], v[5]))
            case PushBackTask.name:
                // The cube rests on the table; goal and obj_init at its settled height.
                #expect(abs(object.z - Cube.halfSide) < 1e-3 && goal.z == inputs.objectInit.z)
                #expect(goal.x == v[3] && goal.y == v[4])
                #expect(goal.y < object.y - 0.1, "the goal is nearer the robot")
                #expect(Self.largestDifference(SIMD4(o[7], o[8], o[9], o[10]), SIMD4(0, 0, 0, 1)) < 1e-6)
            default:
                #expect(abs(object.z - Puck.reachWallHalfHeight) < 2e-3)
                #expect(goal == SIMD3(v[3], v[4], v[5]))
            }
            if task.hasSuffix("-wall-v3") { #expect(goal.y > 0.76, "\(task): the goal is behind the wall") }
            let first = try env.step(SIMD4(0, 0, 0, 0))
            #expect(!first.success)
        }
    }

    /// Driving the hand straight at the wall from in front: it stops there.
    @Test func theWallStopsTheHand() throws {
        let env = try ManipulationEnvironment(task: ReachWallTask.name)
        try env.reset(layoutIndex: 0)
        for _ in 0..<40 { _ = try env.step(SIMD4(move(from: env.arm.handPosition, to: SIMD3(0.1, 0.65, 0.1)), 0)) }
        for _ in 0..<60 { _ = try env.step(SIMD4(0, 1, 0, 0)) }
        #expect(env.arm.tcp.y < 0.74, "tcp \(env.arm.tcp)")
    }

    @Test(arguments: [
        ("pick-place-wall-v3", UInt64(913_520_236_098_751_356)),
        ("push-wall-v3", UInt64(9_883_759_318_033_593_937)),
        ("push-back-v3", UInt64(14_812_804_467_973_209_118)),
        ("reach-wall-v3", UInt64(4_661_770_198_039_938_777)),
    ])
    func fixedSeedGivesTheRecordedState(task: String, recorded: UInt64) throws {
        let hash = try DeterminismTests.stateHash(task: task)
        #expect(hash == recorded, "\(task): state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: task) == hash)
    }
}
