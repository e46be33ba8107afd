import Testing
import Physics
import TaskRewards
@testable import Manipulation
import RandomStreams

/// drawer-open, drawer-close and the button box family (MT10's button-press-topdown and MT50's
/// button-press-topdown-wall, button-press, button-press-wall): scenes, observation fields,
/// reward wiring, scripted solutions, bounded slides and determinism.
@Suite struct DrawerAndButtonTasksTests {
    static let buttonTasks = [
        "button-press-topdown-v3", "button-press-topdown-wall-v3", "button-press-v3", "button-press-wall-v3",
    ]
    static let tasks = ["drawer-open-v3", "drawer-close-v3"] + buttonTasks

    /// The slide range each task simulates (m), as documented beside the scene code.
    static func simulatedRange(_ task: String) -> ClosedRange<Double> {
        buttonTasks.contains(task) ? ButtonBox.simulatedRange : DrawerCase.simulatedRange
    }

    /// How far a stiff ODE stop may be pushed past under the arm's force (m); the hardest held
    /// pushes measured 3.4 mm.
    static let stopTolerance = 0.005

    struct EpisodeRecord {
        var succeeded = false
        var firstSuccessStep: Int?
        var lowestSlide = Double.infinity
        var highestSlide = -Double.infinity
        var finite = true
        var rewardInRange = true
    }

    /// Runs one episode with `policy`, recording what the tests check.
    static func run(_ env: ManipulationEnvironment, untilSuccess: Bool,
                    _ policy: (UnsafeBufferPointer<Double>) -> SIMD4<Double>) throws -> EpisodeRecord {
        let observation = UnsafeMutableBufferPointer<Double>.allocate(capacity: 39)
        defer { observation.deallocate() }
        var record = EpisodeRecord()
        while true {
            env.copyObservation(into: observation)
            let outcome = try env.step(policy(UnsafeBufferPointer(observation)))
            let q = env.scene.jointPosition(world: env.world)
            record.lowestSlide = min(record.lowestSlide, q)
            record.highestSlide = max(record.highestSlide, q)
            record.finite = record.finite && env.observation.allSatisfy(\.isFinite) && outcome.reward.isFinite
            record.rewardInRange = record.rewardInRange && outcome.reward >= 0 && outcome.reward <= 10
            if outcome.success && record.firstSuccessStep == nil { record.firstSuccessStep = env.stepCount }
            record.succeeded = record.succeeded || outcome.success
            if outcome.truncated || (untilSuccess && outcome.success) { break }
        }
        return record
    }

    static func largestDifference(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> Double {
        (0..<4).map { abs(a[$0] - b[$0]) }.max()!
    }

    /// Whether a point lies on or above the table top, inside the rim (m).
    static func insideScene(_ p: SIMD3<Double>) -> Bool {
        p.x > -0.7 && p.x < 0.7 && p.y > 0.2 && p.y < 1.0 && p.z > -0.01 && p.z < 0.6
    }

    @Test(arguments: tasks)
    func scriptedControllerSolvesEveryLayout(task: String) throws {
        let env = try ManipulationEnvironment(task: task, suiteSeed: 0)
        let controller = try #require(scriptedController(for: task))
        let range = Self.simulatedRange(task)
        var successes = 0
        for layout in 0..<LayoutTable.layoutsPerTask {
            try env.reset(layoutIndex: layout)
            // Whole episodes: the controller keeps pulling / pressing after success.
            let record = try Self.run(env, untilSuccess: false) { controller.action(for: $0) }
            if record.succeeded { successes += 1 }
            #expect(record.finite && record.rewardInRange)
            #expect(record.lowestSlide >= range.lowerBound - Self.stopTolerance, "\(task) layout \(layout): \(record.lowestSlide)")
            #expect(record.highestSlide <= range.upperBound + Self.stopTolerance, "\(task) layout \(layout): \(record.highestSlide)")
        }
        #expect(successes >= 48, "\(task): \(successes)/50")
        #expect(env.faultCount == 0)
    }

    /// Random actions (fresh each step, or each held for 25 steps so the hand drives into
    /// stops and housings) on random layouts; returns the fault count after checking that nothing
    /// is NaN, slides stay within the documented range and the object point stays on the table.
    func randomEpisodes(_ task: String, episodes: Int, holdSteps: Int) throws -> Int {
        let env = try ManipulationEnvironment(task: task, layoutMode: .random, seed: 5)
        let range = Self.simulatedRange(task)
        var rng = SplitMix64(seed: 17)
        for episode in 0..<episodes {
            env.reset()
            var action = SIMD4<Double>.zero
            var record = EpisodeRecord()
            var inScene = true
            while true {
                if env.stepCount % holdSteps == 0 {
                    action = SIMD4(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1))
                }
                let outcome = try env.step(action)
                let q = env.scene.jointPosition(world: env.world)
                record.lowestSlide = min(record.lowestSlide, q)
                record.highestSlide = max(record.highestSlide, q)
                record.finite = record.finite && env.observation.allSatisfy(\.isFinite)
                record.rewardInRange = record.rewardInRange && outcome.reward >= 0 && outcome.reward <= 10
                inScene = inScene && Self.insideScene(env.rewardInputs.object)
                if outcome.truncated { break }
            }
            #expect(record.finite && record.rewardInRange && inScene, "\(task) episode \(episode)")
            #expect(record.lowestSlide >= range.lowerBound - Self.stopTolerance, "\(task) episode \(episode): \(record.lowestSlide)")
            #expect(record.highestSlide <= range.upperBound + Self.stopTolerance, "\(task) episode \(episode): \(record.highestSlide)")
        }
        return env.faultCount
    }

    @Test(arguments: tasks)
    func randomEpisodesStayFiniteAndInRange(task: String) throws {
        #expect(try randomEpisodes(task, episodes: 10, holdSteps: 1) == 0)
    }

    /// Held actions can stretch the hand's weld by tens of centimetres against the drawer case,
    /// where ODE's exact solver used to fail now and then and spin the light claws up (over 100
    /// held episodes: drawer-open 0, drawer-close 1, button 3 faults). `World.step` now redoes
    /// such steps with the iterative solver, so held pushing faults no more than free play.
    @Test(arguments: tasks)
    func heldRandomActionsDoNotFault(task: String) throws {
        let faults = try randomEpisodes(task, episodes: 30, holdSteps: 25)
        #expect(faults == 0, "\(task): \(faults) faults in 30 episodes")
    }

    @Test func resetObservationsFollowMetaWorldsConventions() throws {
        for (index, task) in Self.tasks.enumerated() {
            let env = try ManipulationEnvironment(task: task, suiteSeed: 3)
            let o = try env.reset(layoutIndex: index)
            let layout = env.layout
            let box = SIMD3(layout[0], layout[1], layout[2])
            let object = SIMD3(o[4], o[5], o[6]), goal = SIMD3(o[36], o[37], o[38])
            let quaternion = SIMD4(o[7], o[8], o[9], o[10])
            let inputs = env.rewardInputs
            switch task {
            case DrawerOpenTask.name:
                #expect(length(object - (box + SIMD3(0, -0.17, 0.09))) < 1e-3)
                #expect(length(goal - (box + SIMD3(0, -0.36, 0.09))) < 1e-12)
                #expect(Self.largestDifference(quaternion, SIMD4(1, 0, 0, 0)) < 1e-6)  // (w, x, y, z)
            case DrawerCloseTask.name:
                #expect(length(object - (box + SIMD3(0, -0.32, 0.14))) < 1e-3)
                #expect(length(goal - (box + SIMD3(0, -0.16, 0.09))) < 1e-12)
                #expect(quaternion == .zero)
                #expect(inputs.objectInit == object)
            case ButtonPressTask.name, ButtonPressWallTask.name:
                // Facing the robot: the cap's front face 0.193 in front of the box, the hole 0.1.
                #expect(length(object - (box + SIMD3(0, -0.193, 0))) < 1e-3)
                #expect(length(goal - (box + SIMD3(0, -0.1, 0))) < 1e-12)
                #expect(Self.largestDifference(quaternion, SIMD4(1, 0, 0, 0)) < 1e-6)
            default:
                #expect(length(object - (box + SIMD3(0, 0, 0.193))) < 1e-3)
                #expect(length(goal - (box + SIMD3(0, 0, 0.1))) < 1e-12)
                #expect(Self.largestDifference(quaternion, SIMD4(0.5.squareRoot(), -(0.5.squareRoot()), 0, 0)) < 1e-6)
            }
            #expect(SIMD3(o[0], o[1], o[2]) == inputs.hand)
            #expect(abs(inputs.jointPosition - (task == DrawerCloseTask.name ? DrawerCloseTask.startSlide : 0)) < 1e-3)
            // Nothing is done at reset: the first idle step is no success.
            let first = try env.step(SIMD4(0, 0, 0, 0))
            #expect(!first.success)
        }
    }

    @Test(arguments: tasks)
    func stepRewardIsTaskRewardsVerdictOnTheState(task: String) throws {
        let env = try ManipulationEnvironment(task: task)
        try env.reset(layoutIndex: 4)
        let controller = try #require(scriptedController(for: task))
        var sawSuccess = false
        for _ in 0..<150 {
            let outcome = try env.step(env.observation.withUnsafeBufferPointer { controller.action(for: $0) })
            let expected = try #require(RewardFunctions.evaluate(env.task.task, env.rewardInputs))
            #expect(outcome.reward == expected.reward && outcome.success == expected.success)
            #expect(outcome.objectToTarget == expected.objectToTarget)
            sawSuccess = sawSuccess || outcome.success
        }
        #expect(sawSuccess)
    }

    /// The success tests need travel past MetaWorld's declared ranges (docs/tasks.md, 'Where ODE
    /// differs from MuJoCo'): the simulated ranges allow it, and the declared ends alone fall short
    /// or sit on the edge.
    @Test func successNeedsTravelBeyondTheDeclaredRanges() throws {
        func verdict(_ task: String, slide q: Double) throws -> Bool {
            let env = try ManipulationEnvironment(task: task)
            try env.reset(layoutIndex: 0)
            let box = SIMD3(env.layout[0], env.layout[1], env.layout[2])
            switch env.scene {
            case let scene as DrawerOpenTask: scene.drawer.place(at: box, slide: q, in: env.world)
            case let scene as DrawerCloseTask: scene.drawer.place(at: box, slide: q, in: env.world)
            case let scene as ButtonBoxScene: scene.box.fixture.place(at: box, slide: q, in: env.world)
            default: Issue.record("unexpected scene")
            }
            var inputs = env.rewardInputs
            inputs.object = env.scene.objectPosition(world: env.world)
            return try #require(RewardFunctions.evaluate(env.task.task, inputs)).success
        }
        #expect(try !verdict(DrawerOpenTask.name, slide: -0.155))
        #expect(try verdict(DrawerOpenTask.name, slide: -0.165))
        #expect(DrawerCase.simulatedRange.contains(-0.19) && !DrawerCase.declaredRange.contains(-0.165))
        #expect(try !verdict(ButtonPressTopdownTask.name, slide: ButtonBox.declaredRange.lowerBound))
        #expect(try !verdict(ButtonPressTopdownTask.name, slide: -0.068))
        #expect(try verdict(ButtonPressTopdownTask.name, slide: -0.071))
        #expect(try verdict(ButtonPressTopdownTask.name, slide: ButtonBox.simulatedRange.lowerBound))
        // MT50's button tasks: success at q ≤ −0.073 (button-press), −0.063 (-wall), −0.069
        // (topdown-wall), all past the declared −0.06 and inside the simulated range.
        #expect(try !verdict(ButtonPressTask.name, slide: -0.068))
        #expect(try verdict(ButtonPressTask.name, slide: -0.075))
        #expect(try !verdict(ButtonPressWallTask.name, slide: ButtonBox.declaredRange.lowerBound))
        #expect(try verdict(ButtonPressWallTask.name, slide: -0.065))
        #expect(try !verdict(ButtonPressTopdownWallTask.name, slide: -0.068))
        #expect(try verdict(ButtonPressTopdownWallTask.name, slide: -0.071))
        for task in [ButtonPressTask.name, ButtonPressWallTask.name, ButtonPressTopdownWallTask.name] {
            #expect(try verdict(task, slide: ButtonBox.simulatedRange.lowerBound))
        }
        #expect(try !verdict(DrawerCloseTask.name, slide: -0.035))
        #expect(try verdict(DrawerCloseTask.name, slide: -0.028))
    }

    @Test func releasedButtonSpringsBackAndIdleDrawerStays() throws {
        let env = try ManipulationEnvironment(task: ButtonPressTopdownTask.name)
        try env.reset(layoutIndex: 0)
        let controller = ButtonPressTopdownController()
        for _ in 0..<150 { _ = try env.step(env.observation.withUnsafeBufferPointer { controller.action(for: $0) }) }
        #expect(env.scene.jointPosition(world: env.world) < -0.08)
        for _ in 0..<100 { _ = try env.step(SIMD4(0, 0, 1, 1)) }
        #expect(abs(env.scene.jointPosition(world: env.world)) < 0.002)

        let drawer = try ManipulationEnvironment(task: DrawerCloseTask.name)
        try drawer.reset(layoutIndex: 0)
        for _ in 0..<200 { _ = try drawer.step(SIMD4(0, 0, 0, 0)) }
        #expect(abs(drawer.scene.jointPosition(world: drawer.world) - DrawerCloseTask.startSlide) < 1e-3)
    }

    @Test(arguments: [
        ("drawer-open-v3", UInt64(17_653_357_438_982_934_297)),
        ("drawer-close-v3", UInt64(14_644_678_227_101_538_110)),
        ("button-press-topdown-v3", UInt64(6_480_867_186_977_323_911)),
        ("button-press-topdown-wall-v3", UInt64(3_099_923_176_149_447_904)),
        ("button-press-v3", UInt64(15_070_440_326_497_915_982)),
        ("button-press-wall-v3", UInt64(11_793_940_710_159_964_836)),
    ])
    func fixedSeedGivesTheRecordedState(task: String, recorded: UInt64) throws {
        let hash = try DeterminismTests.stateHash(task: task)
        #expect(hash == recorded, "\(task): state hash \(hash)")
        #expect(try DeterminismTests.stateHash(task: task) == hash)
    }
}

/// MetaWorld's own scripted v3 policies for the three tasks (100% success on MetaWorld),
/// transcribed and run on our physics (docs/tasks.md, 'What we keep and what we may change').
extension DrawerAndButtonTasksTests {
    typealias Policy = MetaWorldPolicyTests.Policy

    static let metaWorldDrawerOpen: Policy = { o in
        let drawer = o.object + SIMD3(0, 0, -0.02)
        let xy = SIMD2(o.hand.x - drawer.x, o.hand.y - drawer.y)
        let move: SIMD3<Double>
        if (xy * xy).sum().squareRoot() > 0.06 {
            move = MetaWorldPolicyTests.response(o.hand, drawer + SIMD3(0, 0, 0.3), p: 4)
        } else if abs(o.hand.z - drawer.z) > 0.04 {
            move = MetaWorldPolicyTests.response(o.hand, drawer, p: 4)
        } else {
            move = MetaWorldPolicyTests.response(o.hand, drawer + SIMD3(0, -0.06, 0), p: 50)
        }
        return SIMD4(move, -1)
    }

    static let metaWorldDrawerClose: Policy = { o in
        let drawer = o.object + SIMD3(0, 0, -0.02)
        let target: SIMD3<Double>
        if o.hand.y > drawer.y {
            target = o.hand.z < drawer.z + 0.23 ? SIMD3(o.hand.x, o.hand.y, drawer.z + 0.5) : drawer + SIMD3(0, -0.075, 0.23)
        } else if abs(o.hand.z - drawer.z) > 0.04 {
            target = drawer + SIMD3(0, -0.075, 0)
        } else {
            target = drawer
        }
        return SIMD4(MetaWorldPolicyTests.response(o.hand, target, p: 25), 1)
    }

    static let metaWorldButtonPressTopdown: Policy = { o in
        let xy = SIMD2(o.hand.x - o.object.x, o.hand.y - o.object.y)
        let target = (xy * xy).sum().squareRoot() > 0.04 ? o.object + SIMD3(0, 0, 0.1) : o.object
        return SIMD4(MetaWorldPolicyTests.response(o.hand, target, p: 25), 1)
    }

    @Test(arguments: [
        ("drawer-open-v3", metaWorldDrawerOpen),
        ("drawer-close-v3", metaWorldDrawerClose),
        ("button-press-topdown-v3", metaWorldButtonPressTopdown),
    ] as [(String, Policy)])
    func metaWorldPolicySucceeds(task: String, policy: Policy) throws {
        let rate = try MetaWorldPolicyTests().successRate(task, policy)
        #expect(rate >= 0.9, "\(task): \(rate)")
    }
}
