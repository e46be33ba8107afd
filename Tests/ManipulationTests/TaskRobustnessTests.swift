import TaskRewards
import Testing
import Physics
@testable import Manipulation
import RandomStreams

/// Every task in `TaskCatalog.all` (so tasks added later are covered without touching this file)
/// through many random and scripted episodes: the numbers stay finite, no object leaves the
/// scene, no task joint (`TaskScene.jointRanges`) leaves its range by more than its documented
/// softness, and the hand stays near the box its target is clipped to, pointing down.
@Suite struct TaskRobustnessTests {
    /// Where task object points may be: over the table inside its retaining rim (x ±0.69,
    /// y 0.21-0.99), with slack for objects held by the hand at the edge of its box, at most as
    /// high as the hand can lift them and never below the table top.
    static let sceneLow = SIMD3<Double>(-0.75, 0.15, -0.01)
    static let sceneHigh = SIMD3<Double>(0.75, 1.1, 0.75)
    /// How far an arm hinge may pass its MuJoCo range: our stops are ODE's default stiff stops.
    /// How far the hand may be from the box its mocap target is clipped to, metres: it lags a
    /// moving target by about 3.4 cm and is pushed back by what it presses on.
    static let handBoxSlackMetres = 0.08
    /// How far the hand may tilt from pointing down, radians (the weld holds it there).
    static let handTiltLimitRadians = 0.35

    /// Checks one environment's state after a step; returns the first problem found.
    static func problem(in env: ManipulationEnvironment, outcome: StepOutcome) -> String? {
        let observation = env.observation
        if let index = observation.firstIndex(where: { !$0.isFinite }) { return "obs[\(index)] = \(observation[index])" }
        if !(outcome.reward >= 0 && outcome.reward <= 10) { return "reward \(outcome.reward) outside [0, 10]" }
        var points = [("object point", env.scene.objectPosition(world: env.world))]
        let extra = env.scene.extraPoint(world: env.world)
        if extra != .zero { points.append(("extra point", extra)) }
        for (name, point) in points {
            if any(point .< sceneLow) || any(point .> sceneHigh) { return "\(name) \(point) left the scene" }
        }
        for joint in env.scene.jointRanges {
            let position = env.world.jointPosition(joint.joint)
            if !(position >= joint.range.lowerBound - joint.softness && position <= joint.range.upperBound + joint.softness) {
                return "joint \(joint.name) at \(position), range \(joint.range) ± \(joint.softness)"
            }
        }
        let hand = env.arm.handPose
        let slack = SIMD3(repeating: handBoxSlackMetres)
        if any(hand.position .< env.spec.handLow - slack) || any(hand.position .> env.spec.handHigh + slack) {
            return "hand \(hand.position) is more than \(handBoxSlackMetres) m outside its box \(env.spec.handLow)...\(env.spec.handHigh)"
        }
        let tilt = hand.rotation.angle(to: SawyerModel.handDown)
        if !(tilt <= handTiltLimitRadians) { return "hand tilted \(tilt) rad from pointing down" }
        return nil
    }

    /// Runs one episode; `policy` gets the observation and the step index. Returns the first
    /// problem and the physics fault that ended the episode, if one did.
    static func episode(_ env: ManipulationEnvironment, policy: ([Double], Int) -> SIMD4<Double>) throws -> (problem: String?, fault: PhysicsFault?) {
        for step in 0..<ManipulationEnvironment.maxEpisodeSteps {
            let faultsBefore = env.faultCount
            let outcome = try env.step(policy(env.observation, step))
            if let fault = outcome.fault {
                // A fault is detected before any NaN reaches the observation, counted, and ends
                // the episode (MuJoCo's mj_checkPos habit); the observation stays the last good one.
                if !outcome.truncated || env.faultCount != faultsBefore + 1 { return ("step \(step): fault not handled", fault) }
                if env.observation.contains(where: { !$0.isFinite }) { return ("step \(step): non-finite observation after a fault", fault) }
                return (nil, fault)
            }
            if let problem = problem(in: env, outcome: outcome) { return ("step \(step): \(problem)", nil) }
            if outcome.truncated { break }
        }
        return (nil, nil)
    }

    /// Random episodes per task and how many of them may end in a detected physics fault.
    /// With the hand blocked and the mocap weld pushing with up to ~3 kN (as in MetaWorld), ODE's
    /// exact LCP solver occasionally fails ("LCP internal error") on the contacts of a claw
    /// pressed against scenery; that used to shoot the light claw out (26 of 2000 held-random
    /// episodes, 5 with friction slip, `SawyerCalibration.gripperContactFrictionSlip`). Now
    /// `World.step` redoes such a step with the iterative solver: `dratsd bench faults` measured
    /// 0 faulted episodes in 2000 (19 steps redone), so none is allowed here. Fault handling
    /// itself is tested in `ManipulationEnvironmentTests`.
    static let randomEpisodes = 8
    static let allowedFaultsInRandomEpisodes = 0

    static func randomAction(_ rng: inout SplitMix64) -> SIMD4<Double> {
        SIMD4(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1))
    }

    /// Random actions, some i.i.d. per step, most held for 1-40 steps so the hand sweeps across
    /// its whole box, slams into things and drags objects around. Actions reach ±1.5 so the
    /// env's clipping is exercised too.
    @Test(arguments: TaskCatalog.names)
    func randomEpisodesStayFiniteInsideTheSceneAndInRange(task: String) throws {
        let env = try ManipulationEnvironment(task: task, suiteSeed: 11, seed: 5)
        var rng = SplitMix64(seed: SplitMix64.hash(task))
        var faults: [String] = []
        for episode in 0..<Self.randomEpisodes {
            if episode < 5 { try env.reset(layoutIndex: episode * 9) } else {
                env.layoutMode = .random
                env.reset(seed: UInt64(episode))
            }
            var held = Self.randomAction(&rng), holdUntil = 0
            let (problem, fault) = try Self.episode(env) { _, step in
                if episode < 2 { return Self.randomAction(&rng) }
                if step >= holdUntil {
                    held = Self.randomAction(&rng) * 1.5
                    holdUntil = step + 1 + Int(rng.next() % 40)
                }
                return held
            }
            #expect(problem == nil, "\(task) random episode \(episode): \(problem ?? "")")
            if let fault { faults.append("episode \(episode): \(fault)") }
        }
        #expect(faults.count <= Self.allowedFaultsInRandomEpisodes, "\(task): \(faults)")
        #expect(env.faultCount == faults.count)
        // After a fault the next reset starts from finite numbers and the env steps on.
        let restart = env.reset(seed: 1)
        #expect(!restart.contains { !$0.isFinite })
        #expect(try env.step(SIMD4(0, 0, 0, 0)).fault == nil)
    }

    /// The task's scripted controller for whole 500-step episodes (it keeps pushing after
    /// success), clean and with noise added to its actions.
    @Test(arguments: TaskCatalog.names)
    func scriptedEpisodesStayFiniteInsideTheSceneAndInRange(task: String) throws {
        let controller = try #require(scriptedController(for: task), "\(task) has no scripted controller")
        let env = try ManipulationEnvironment(task: task, suiteSeed: 12)
        var rng = SplitMix64(seed: 3)
        for episode in 0..<4 {
            try env.reset(layoutIndex: episode * 13)
            let noise = episode < 2 ? 0.0 : 0.6
            let (problem, fault) = try Self.episode(env) { observation, _ in
                let action = observation.withUnsafeBufferPointer { controller.action(for: $0) }
                return action + Self.randomAction(&rng) * noise
            }
            #expect(problem == nil, "\(task) scripted episode \(episode): \(problem ?? "")")
            #expect(fault == nil, "\(task) scripted episode \(episode): \(String(describing: fault))")
        }
        #expect(env.faultCount == 0)
    }

    /// The checks themselves catch what they are meant to catch.
    @Test func checksFlagAnEscapedObjectAndABadReward() throws {
        let env = try ManipulationEnvironment(task: "push-v3")
        try env.reset(layoutIndex: 0)
        let calm = try env.step(SIMD4(0, 0, 0, 0))
        #expect(Self.problem(in: env, outcome: calm) == nil)
        let puck = (env.scene as! PushTask).puck
        puck.place(at: SIMD3(0, 1.3, 0.02), in: env.world)
        #expect(Self.problem(in: env, outcome: calm)?.contains("left the scene") == true)
        puck.place(at: SIMD3(0, 0.6, 0.02), in: env.world)
        var bad = calm
        bad.reward = .nan
        #expect(Self.problem(in: env, outcome: bad)?.contains("reward") == true)
    }
}
