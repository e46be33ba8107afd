import Testing
import Physics
import TaskRewards
@testable import Manipulation

/// peg-insert-side-v3 on our physics: the scene as docs/tasks.md ('peg-insert-side-v3') describes
/// it, the observation and reward wiring, the block's tunnel, and the scripted controller over the
/// 50 suite layouts.
@Suite struct PegInsertSideTaskTests {
    static let name = "peg-insert-side-v3"

    static func stepController(_ env: ManipulationEnvironment, _ controller: PegInsertSideController) throws -> StepOutcome {
        try env.step(env.observation.withUnsafeBufferPointer { controller.action(for: $0) })
    }

    @Test func controllerSolvesAtLeast90PercentOfLayouts() throws {
        let failed = try ControllerEpisodes.failedLayouts(Self.name, suiteSeed: 0)
        #expect(failed.count <= 5, "failed layouts \(failed)")
    }

    @Test func sceneMatchesTheSpec() throws {
        let env = try ManipulationEnvironment(task: Self.name, suiteSeed: 3)
        let observation = try env.reset(layoutIndex: 4)
        let layout = env.layout
        let scene = try #require(env.scene as? PegInsertSideTask)
        let block = SIMD3(layout[3], layout[4], layout[5])
        // Goal on the tunnel axis, 6.6 cm inside the mouth.
        #expect(length(scene.goal - (block + SIMD3(0.03, 0, 0.13))) < 1e-12)
        #expect(Array(observation[36..<39]) == [scene.goal.x, scene.goal.y, scene.goal.z])
        // The peg dropped from z 0.02 onto the table: its axis rests at its half-height.
        let peg = env.world.position(of: scene.peg.body)
        #expect(abs(peg.z - 0.015) < 0.0015, "peg axis at \(peg.z)")
        #expect(abs(peg.x - layout[0]) < 1e-3 && abs(peg.y - layout[1]) < 1e-3)
        // obs[4:7] is the grasp site, the reward's extra point the head; the quaternion is
        // scipy's (x, y, z, w) of a level peg.
        #expect(length(SIMD3(observation[4], observation[5], observation[6]) - (peg + Peg.graspSite)) < 1e-6)
        #expect(length(env.rewardInputs.extra - (peg + Peg.headSite)) < 1e-6)
        #expect(abs(observation[10] - 1) < 1e-6)
        #expect(env.rewardInputs.objectInit == SIMD3(layout[0], layout[1], layout[2]))
        #expect(scene.jointPosition(world: env.world) == 0)
    }

    @Test func envRewardIsTheTaskRewardOfItsInputs() throws {
        let env = try ManipulationEnvironment(task: Self.name)
        try env.reset(layoutIndex: 0)
        let controller = PegInsertSideController()
        var sawLifted = false
        for _ in 0..<200 {
            let outcome = try Self.stepController(env, controller)
            let expected = PegInsertSideReward.evaluate(env.rewardInputs)
            #expect(outcome.reward == expected.reward && outcome.success == expected.success)
            #expect(outcome.reward >= 0 && outcome.reward <= 10)
            sawLifted = sawLifted || outcome.reward > 1
            if outcome.success {
                #expect(outcome.reward == 10)
                break
            }
        }
        #expect(sawLifted)
    }

    /// Pushing on after success slides the peg along the tunnel to the goal and beyond: the
    /// tunnel is open and wide enough; the peg stays on its axis inside the walls.
    @Test func pegSlidesIntoTheTunnel() throws {
        let env = try ManipulationEnvironment(task: Self.name)
        try env.reset(layoutIndex: 5)
        let controller = PegInsertSideController()
        var succeededAt: Int?
        for step in 0..<400 {
            let outcome = try Self.stepController(env, controller)
            if outcome.success && succeededAt == nil { succeededAt = step }
            if let at = succeededAt, step > at + 40 { break }
        }
        #expect(succeededAt != nil)
        let head = env.rewardInputs.extra, goal = env.rewardInputs.target
        #expect(head.x < goal.x + 0.005, "head \(head.x) goal \(goal.x)")
        #expect(abs(head.y - goal.y) < PegBlock.tunnelHalfWidth - 0.015)
        #expect(abs(head.z - goal.z) < 0.015)
    }

    /// A peg carried 4 cm above the tunnel axis meets the block face and stops there.
    @Test func blockFaceStopsAMisalignedPeg() throws {
        let env = try ManipulationEnvironment(task: Self.name)
        try env.reset(layoutIndex: 7)
        let controller = PegInsertSideController()
        var steps = 0
        while PegInsertSideController.phase(env.observation.withUnsafeBufferPointer { ObservationView($0) }) != .held || env.observation[6] < 0.1 {
            _ = try Self.stepController(env, controller)
            steps += 1
            try #require(steps < 200)
        }
        let goal = env.rewardInputs.target
        let face = goal.x - PegInsertSideReward.targetAboveBox.x + 0.1
        for _ in 0..<120 {
            let o = env.observation
            let head = env.rewardInputs.extra
            let target = SIMD3(goal.x - 0.05, goal.y, goal.z + 0.045)
            _ = try env.step(SIMD4(move(from: SIMD3(o[0], o[1], o[2]), to: SIMD3(o[0], o[1], o[2]) + target - head, gain: 10), 1))
        }
        // The peg's tip is 2 cm beyond the head site. The mocap target runs on into the block
        // (as MetaWorld's does), so the weld presses harder every step: the contact gives a few
        // millimetres, but the peg neither passes the face nor slips down into the tunnel.
        let tip = env.rewardInputs.extra.x - (Peg.halfExtents.x + Peg.headSite.x)
        #expect(tip > face - 0.01, "peg tip \(tip) went through the face at \(face)")
        #expect(tip < face + 0.003, "peg tip \(tip) never reached the face at \(face)")
        #expect(env.rewardInputs.extra.z > goal.z + 0.03)
        #expect(env.faultCount == 0)
    }

    /// MetaWorld's own scripted v3 policy for the task (`sawyer_peg_insertion_side_v3_policy.py`),
    /// transcribed rule for rule: 82-88% on MetaWorld. It lifts only once the hand is within 2.5 cm
    /// of the peg's height, which the hand reaches because the grasp creeps as MuJoCo's does
    /// (`GraspCreepTests`).
    static func metaWorldPolicy(_ o: ObservationView) -> SIMD4<Double> {
        let hole = SIMD3(-0.35, o.goal.y, 0.16)
        let xy = SIMD2(o.hand.x - o.object.x, o.hand.y - o.object.y)
        let farXY = (xy * xy).sum().squareRoot() > 0.04
        let target: SIMD3<Double>
        if farXY { target = o.object + SIMD3(0, 0, 0.3) }
        else if abs(o.hand.z - o.object.z) > 0.025 { target = o.object }
        else if length(SIMD3(0, o.object.y - hole.y, o.object.z - hole.z)) > 0.03 { target = hole + SIMD3(0.4, 0, 0) }
        else { target = hole }
        let grab = farXY || abs(o.hand.z - o.object.z) > 0.15 ? -1.0 : 0.6
        return SIMD4((target - o.hand) * 25, grab)
    }

    /// A controller written for MetaWorld does on our task what it does there (docs/tasks.md,
    /// 'What we keep and what we may change').
    @Test func metaWorldPolicySucceedsAtLeastAsOftenAsOnMetaWorld() throws {
        let env = try ManipulationEnvironment(task: Self.name, suiteSeed: 1)
        var successes = 0
        for layout in 0..<LayoutTable.layoutsPerTask {
            try env.reset(layoutIndex: layout)
            while true {
                let outcome = try env.step(env.observation.withUnsafeBufferPointer { Self.metaWorldPolicy(ObservationView($0)) })
                if outcome.success { successes += 1; break }
                if outcome.truncated { break }
            }
        }
        #expect(successes >= 43, "\(successes)/50")
    }

    @Test func fixedSeedGivesTheRecordedState() throws {
        let hash = try DeterminismTests.stateHash(task: Self.name)
        #expect(hash == 3_804_274_008_477_666_466, "state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: Self.name) == hash)
    }
}
