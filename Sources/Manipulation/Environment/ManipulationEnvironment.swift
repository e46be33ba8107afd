import Foundation
import Physics
import TaskRewards
import RandomStreams

/// One MetaWorld-style task on ODE behind the common environment contract: `reset` returns the
/// 39-d observation, `step` applies a 4-d action for 5 physics steps of 2.5 ms. Built once and
/// reused across resets; stepping allocates nothing.
public final class ManipulationEnvironment {
    public static let maxEpisodeSteps = 500
    public static let frameSkip = 5
    public static let timestepSeconds = 0.0025
    /// Metres the mocap moves per unit of action per step.
    public static let actionScale = 0.01
    /// MetaWorld clips the stepped hand observation to these bounds.
    static let handObservationLow = SIMD3<Double>(-0.525, 0.348, -0.0525)
    static let handObservationHigh = SIMD3<Double>(0.525, 1.025, 0.7)

    /// How a reset chooses the layout (TaskRewards' `LayoutMode`, the one the run config uses).
    public typealias LayoutMode = TaskRewards.LayoutMode

    public let task: any TaskScene.Type
    /// MetaWorld's constants for the task (hand start and bounds, layouts, goal space).
    public let spec: TaskSpec
    public let world: World
    public let arm: SawyerArm
    public let scene: any TaskScene
    public let layouts: LayoutTable
    public var layoutMode: LayoutMode
    var rng: SplitMix64

    public private(set) var stepCount = 0
    /// Physics faults (NaN or explosion) since the environment was built.
    public private(set) var faultCount = 0
    public private(set) var lastFault: PhysicsFault?
    /// The layout of the current episode and, in suite mode, its index.
    public private(set) var layout: [Double] = []
    public private(set) var layoutIndex: Int?
    private var needsReset = true

    /// Reset-time reference values used by rewards.
    public private(set) var objectInit = SIMD3<Double>.zero
    public private(set) var tcpInit = SIMD3<Double>.zero
    /// The raw action of the last step (rewards read the unclipped gripper value).
    public private(set) var lastAction = SIMD4<Double>.zero

    /// When true, `physicsSeconds` accumulates the time spent inside the ODE substeps.
    public var measuresPhysicsTime = false
    public private(set) var physicsSeconds = 0.0
    /// With `measuresPhysicsTime`: time spent building observations and evaluating rewards.
    public private(set) var observationRewardSeconds = 0.0

    let observationBuffer: UnsafeMutableBufferPointer<Double>

    /// Builds the task `taskName` ("reach-v3", ...). `suiteSeed` fixes the 50 layouts; `seed`
    /// drives the layout choice of resets that are not given a seed.
    public init(task taskName: String, suiteSeed: UInt64 = 0, layoutMode: LayoutMode = .suite, seed: UInt64 = 0,
                calibration: SawyerCalibration = SawyerCalibration()) throws(EnvironmentError) {
        let task = try TaskCatalog.task(named: taskName)
        self.task = task
        spec = task.spec
        self.layoutMode = layoutMode
        rng = SplitMix64(seed: seed)
        layouts = LayoutTable(task: task, suiteSeed: suiteSeed)
        do {
            var definition = WorldDefinition()
            definition.timestepSeconds = Self.timestepSeconds
            definition.quickStepIterations = calibration.quickStepIterations
            world = try World(definition)
            try TableScene.build(in: world, surface: calibration.scenerySurface)
            arm = try SawyerArm(world: world, calibration: calibration)
            scene = try task.init(world: world, surfaces: calibration.taskSurfaces)
            // Gripper contacts with scenery and fixture parts: see `SawyerCalibration.gripperContactFrictionSlip`.
            try world.setContactSpringDamper(
                stiffness: calibration.gripperSceneryStiffness, damping: calibration.gripperSceneryDamping,
                frictionSlip: calibration.gripperContactFrictionSlip,
                betweenCategories: CollisionGroups.gripper, and: CollisionGroups.scenery)
            let part = calibration.objectSurface  // fixture parts keep their softness; only slip is added
            try world.setContactSpringDamper(
                stiffness: part.errorReduction / (Self.timestepSeconds * part.constraintForceMixing),
                damping: (1 - part.errorReduction) / part.constraintForceMixing,
                frictionSlip: calibration.gripperContactFrictionSlip,
                betweenCategories: CollisionGroups.gripper, and: ArticulatedFixture.movingPartCategory | SlidingFixture.slidingPartCategory)
            // See `SawyerCalibration.gripperFixtureContactPoints`.
            try world.setContactPointLimit(
                calibration.gripperFixtureContactPoints, betweenCategories: CollisionGroups.gripper,
                and: CollisionGroups.scenery | ArticulatedFixture.movingPartCategory | SlidingFixture.slidingPartCategory)
        } catch {
            throw .modelBuildFailed(String(describing: error))
        }
        observationBuffer = .allocate(capacity: 39)
        observationBuffer.initialize(repeating: 0)
    }

    deinit { observationBuffer.deallocate() }

    public var taskName: String { task.name }

    /// The current 39-d observation (a copy).
    public var observation: [Double] { Array(observationBuffer) }

    /// Copies the observation into `destination` (39 values) without allocating.
    public func copyObservation(into destination: UnsafeMutableBufferPointer<Double>) {
        _ = destination.update(fromContentsOf: observationBuffer)
    }

    /// Starts an episode. In suite mode `seed` picks layout `seed % 50`; in random mode it seeds
    /// the draw. Without a seed the environment's own generator decides.
    @discardableResult
    public func reset(seed: UInt64? = nil) -> [Double] {
        switch layoutMode {
        case .suite:
            let index = seed.map { Int($0 % UInt64(LayoutTable.layoutsPerTask)) } ?? Int(rng.next() % UInt64(LayoutTable.layoutsPerTask))
            layoutIndex = index
            layout = layouts.layouts[index]
        case .random:
            var generator = seed.map { SplitMix64(seed: $0) } ?? rng
            layout = task.spec.sampleLayout(using: &generator)
            if seed == nil { rng = generator }
            layoutIndex = nil
        }
        start(layout: layout)
        return observation
    }

    /// Starts an episode on suite layout `index`.
    @discardableResult
    public func reset(layoutIndex index: Int) throws(EnvironmentError) -> [Double] {
        guard layouts.layouts.indices.contains(index) else {
            throw .layoutIndexOutOfRange(index: index, count: layouts.layouts.count)
        }
        layoutIndex = index
        layout = layouts.layouts[index]
        start(layout: layout)
        return observation
    }

    private func start(layout: [Double]) {
        arm.reset(handInit: spec.handInit)
        scene.place(layout: layout, world: world)
        if let fault = arm.settle(substeps: arm.calibration.settleSubsteps) {
            // A fault while settling from a clean placement means the model itself is broken;
            // count it and place everything again so the episode starts from finite numbers.
            recordFault(fault)
            arm.reset(handInit: spec.handInit)
            scene.place(layout: layout, world: world)
        }
        scene.finishReset(world: world)
        stepCount = 0
        lastAction = .zero
        needsReset = false
        writeCurrentFrame()
        objectInit = scene.objectInit
        tcpInit = arm.tcp
        for i in 0..<18 { observationBuffer[18 + i] = observationBuffer[i] }
    }

    /// Validates an action given as an array: 4 finite numbers.
    public static func validate(_ action: [Double]) throws(EnvironmentError) -> SIMD4<Double> {
        guard action.count == 4 else { throw .wrongActionLength(count: action.count) }
        return try validate(SIMD4(action[0], action[1], action[2], action[3]))
    }

    static func validate(_ action: SIMD4<Double>) throws(EnvironmentError) -> SIMD4<Double> {
        for i in 0..<4 where !action[i].isFinite { throw .nonFiniteAction(index: i, value: action[i]) }
        return action
    }

    /// Applies `action` (dx, dy, dz, gripper) for one control step (5 physics steps).
    public func step(_ action: [Double]) throws(EnvironmentError) -> StepOutcome {
        try step(Self.validate(action))
    }

    /// Applies `action` (dx, dy, dz, gripper) for one control step (5 physics steps).
    public func step(_ action: SIMD4<Double>) throws(EnvironmentError) -> StepOutcome {
        if needsReset { throw stepCount == 0 && layout.isEmpty ? .notReset : .episodeOver(steps: stepCount) }
        let action = try Self.validate(action)
        lastAction = action
        let move = SIMD3(action.x, action.y, action.z).clamped(lowerBound: SIMD3(repeating: -1), upperBound: SIMD3(repeating: 1))
        let target = (arm.mocapTarget + move * Self.actionScale).clamped(lowerBound: spec.handLow, upperBound: spec.handHigh)
        arm.setMocapTarget(target)
        arm.setGripperEffort(action.w)
        let started = measuresPhysicsTime ? Self.now() : 0
        var fault: PhysicsFault?
        for _ in 0..<Self.frameSkip {
            arm.prepareStep()
            fault = world.step()
            if fault != nil { break }
        }
        let physicsEnded = measuresPhysicsTime ? Self.now() : 0
        if measuresPhysicsTime { physicsSeconds += physicsEnded - started }
        stepCount += 1
        if let fault {
            recordFault(fault)
            needsReset = true
            return StepOutcome(truncated: true, fault: fault)
        }
        scene.didStep(world: world, stepCount: stepCount)
        for i in 0..<18 { observationBuffer[18 + i] = observationBuffer[i] }
        writeCurrentFrame()
        let hand = SIMD3(observationBuffer[0], observationBuffer[1], observationBuffer[2])
            .clamped(lowerBound: Self.handObservationLow, upperBound: Self.handObservationHigh)
        observationBuffer[0] = hand.x; observationBuffer[1] = hand.y; observationBuffer[2] = hand.z
        observationBuffer[3] = min(1, max(-1, observationBuffer[3]))
        let goal = SIMD3(observationBuffer[36], observationBuffer[37], observationBuffer[38])
            .clamped(lowerBound: spec.goalLow, upperBound: spec.goalHigh)
        observationBuffer[36] = goal.x; observationBuffer[37] = goal.y; observationBuffer[38] = goal.z
        var outcome = evaluateStep()
        if measuresPhysicsTime { observationRewardSeconds += Self.now() - physicsEnded }
        if stepCount >= Self.maxEpisodeSteps {
            outcome.truncated = true
            needsReset = true
        }
        return outcome
    }

    private func recordFault(_ fault: PhysicsFault) {
        faultCount += 1
        lastFault = fault
    }

    /// Writes observation 0:18 and the goal from the current physics state.
    private func writeCurrentFrame() {
        let hand = arm.handPosition
        let object = scene.objectPosition(world: world)
        let quaternion = scene.objectQuaternion(world: world)
        let goal = scene.goal
        let o = observationBuffer
        o[0] = hand.x; o[1] = hand.y; o[2] = hand.z
        o[3] = arm.gripperOpening
        o[4] = object.x; o[5] = object.y; o[6] = object.z
        o[7] = quaternion[0]; o[8] = quaternion[1]; o[9] = quaternion[2]; o[10] = quaternion[3]
        let second = scene.secondObjectPosition(world: world)
        let secondQuaternion = scene.secondObjectQuaternion(world: world)
        o[11] = second.x; o[12] = second.y; o[13] = second.z
        o[14] = secondQuaternion[0]; o[15] = secondQuaternion[1]; o[16] = secondQuaternion[2]; o[17] = secondQuaternion[3]
        o[36] = goal.x; o[37] = goal.y; o[38] = goal.z
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
