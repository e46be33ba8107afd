import Foundation
import Physics

/// The Sawyer gripper in a `World`: one rigid hand body (the wrist link right_l6 with the gripper
/// base), two sliding claws with pads, and the soft weld that drags the hand toward a kinematic
/// mocap target with its orientation held pointing down. The arm's seven links are not
/// simulated: they collide with nothing, and what they did to the hand (the weight the weld
/// holds up, the inertia it drags) is the hand's mass, the mass the weld was tuned for
/// (docs/tasks.md, 'The arm and the gripper'). Built once, moved back into place by `reset`.
public final class SawyerArm {
    public let world: World
    public let calibration: SawyerCalibration
    /// The hand body: right_l6's frame, carrying the gripper base and the claws' sliders.
    public let hand: BodyID
    public let rightClaw: BodyID
    public let leftClaw: BodyID
    let rightSlider: JointID
    let leftSlider: JointID
    let mocap: BodyID
    /// The claw, pad and finger-shell geoms: what "touching an object" means for rewards (the
    /// claws and pads touch task objects, the shells fixture handles). The right finger's three
    /// come first, then the left finger's.
    public private(set) var fingerGeoms: [GeomID] = []

    /// Where the weld pulls the hand frame origin, metres.
    public private(set) var mocapTarget = SIMD3<Double>(0, 0.6, 0.2)
    /// Gripper effort in [-1, 1]: positive closes.
    public private(set) var gripperEffort = 0.0
    /// Filtered finger drive speeds (m/s): the finger armature's lag.
    private var rightDrive = 0.0, leftDrive = 0.0

    public init(world: World, calibration: SawyerCalibration = SawyerCalibration()) throws {
        self.world = world
        self.calibration = calibration
        let (frames, handFrame) = SawyerModel.forwardKinematics(SawyerModel.restConfiguration(near: SIMD3(0, 0.6, 0.2)))

        var handBody = BodyDefinition(name: "right_l6")
        handBody.pose = frames[6]
        handBody.massKilograms = calibration.handMassKilograms
        let gyration = calibration.handRadiusOfGyrationMetres
        handBody.principalInertia = SIMD3(repeating: calibration.handMassKilograms * gyration * gyration)
        let l6 = try world.addBody(handBody)
        hand = l6

        // Gripper base (the mesh on right_hand): the box round MuJoCo's convex hull of it,
        // measured in the hand frame: 3.9 to 9.3 cm above the hand origin, world x −4.1 to
        // +2.6 cm, y ±5 cm (hand-x points down, hand-z along world x). Below it only the fingers
        // reach: a tall object (box-close's handle, 2 cm above the hand origin when MetaWorld's
        // policy grips it) fits between the fingers under it.
        let handInL6 = SawyerModel.handInL6
        _ = try world.addGeom(GeomDefinition(
            name: "gripper_base", shape: .box(halfExtents: SIMD3(0.027, 0.04, 0.0335)), body: l6,
            pose: handInL6 * Transform(position: SIMD3(-0.066, 0, -0.0075)),
            surface: calibration.clawSurface, filter: CollisionGroups.gripperFilter))

        // Claws with their pads, sliding along hand-y.
        let handY = handFrame.rotation.rotate(SIMD3(0, 1, 0))
        var fingers: [GeomID] = []
        func claw(_ name: String, side: Double) throws -> BodyID {
            var body = BodyDefinition(name: name)
            body.pose = handFrame * Transform(position: SIMD3(0, side * SawyerModel.clawOffset, 0))
            body.massKilograms = SawyerModel.clawMassKilograms
            body.principalInertia = SIMD3(repeating: 1e-5)
            let id = try world.addBody(body)
            fingers.append(try world.addGeom(GeomDefinition(
                name: name, shape: .box(halfExtents: SawyerModel.fingerHalfExtents), body: id,
                surface: calibration.clawSurface, filter: CollisionGroups.graspingFilter)))
            fingers.append(try world.addGeom(GeomDefinition(
                name: name.replacingOccurrences(of: "claw", with: "pad"), shape: .box(halfExtents: SawyerModel.fingerHalfExtents), body: id,
                pose: Transform(position: SIMD3(0, -side * SawyerModel.padInset, 0)),
                surface: calibration.padSurface, filter: CollisionGroups.graspingFilter)))
            // One box covering claw and pad, for scenery and fixture parts (see `CollisionGroups`).
            var shell = SawyerModel.fingerHalfExtents
            shell.y += SawyerModel.padInset / 2
            fingers.append(try world.addGeom(GeomDefinition(
                name: name.replacingOccurrences(of: "claw", with: "shell"), shape: .box(halfExtents: shell), body: id,
                pose: Transform(position: SIMD3(0, -side * SawyerModel.padInset / 2, 0)),
                surface: calibration.fingerShellSurface, filter: CollisionGroups.fingerShellFilter)))
            return id
        }
        rightClaw = try claw("rightclaw", side: -1)
        leftClaw = try claw("leftclaw", side: 1)
        fingerGeoms = fingers
        // The claw travel limits are enforced by the drive itself (see `prepareStep`): an ODE stop
        // on a driven slider would apply the drive force as an explicit kick to the light claw.
        rightSlider = try world.addJoint(JointDefinition(name: "r_close", kind: .slider(axis: handY), first: rightClaw, second: l6))
        leftSlider = try world.addJoint(JointDefinition(name: "l_close", kind: .slider(axis: handY), first: leftClaw, second: l6))

        // The mocap body sits where l6 should be when the hand is on target; welded softly.
        var mocapBody = BodyDefinition(name: "mocap")
        mocapBody.isKinematic = true
        mocapBody.pose = frames[6]
        mocap = try world.addBody(mocapBody)
        var weld = JointDefinition(name: "mocap_weld", kind: .fixed, first: mocap, second: l6)
        weld.springDamper = calibration.weldSpringDamper
        _ = try world.addJoint(weld)
    }

    /// Puts the hand where MetaWorld's post-reset joint configuration for `handInit` holds it,
    /// fingers open, the mocap at `handInit`. Call `settle` afterwards.
    public func reset(handInit: SIMD3<Double>) {
        // MetaWorld's recorded rest configurations start the hand where it settles for the two
        // usual hand_init points. Elsewhere (door-close starts it at x = −0.5) the hand is put at
        // hand_init directly: travelling there during the settle would sweep it through
        // whatever the layout has just placed (MetaWorld moves the hand before it places the
        // task's objects). The arm's links are not simulated, so nothing else follows the hand.
        let handBody: Transform
        if let rest = SawyerModel.restConfiguration(at: handInit) {
            handBody = SawyerModel.forwardKinematics(rest).links[6]
        } else {
            handBody = Transform(position: handInit, rotation: SawyerModel.handDown) * SawyerModel.handInL6.inverse
        }
        world.setPose(handBody, of: hand)
        world.setVelocity(of: hand)
        let handFrame = handBody * SawyerModel.handInL6
        world.setPose(handFrame * Transform(position: SIMD3(0, -SawyerModel.clawOffset, 0)), of: rightClaw)
        world.setPose(handFrame * Transform(position: SIMD3(0, SawyerModel.clawOffset, 0)), of: leftClaw)
        world.setVelocity(of: rightClaw)
        world.setVelocity(of: leftClaw)
        rightDrive = 0
        leftDrive = 0
        setMocapTarget(handInit)
        setGripperEffort(-1)
    }

    /// Moves the weld's target for the hand frame origin (orientation stays pointing down).
    public func setMocapTarget(_ position: SIMD3<Double>) {
        mocapTarget = position
        world.setPose(Transform(position: position, rotation: SawyerModel.handDown) * SawyerModel.handInL6.inverse, of: mocap)
        world.setVelocity(of: mocap)
    }

    /// Sets the gripper effort, clamped to [-1, 1] like MuJoCo's ctrlrange.
    public func setGripperEffort(_ effort: Double) {
        gripperEffort = min(1, max(-1, effort))
    }

    /// Updates the finger drives for the next physics step: MuJoCo's position actuators
    /// (force 400·(±effort − q)) acting through heavy damping, with the armature's build-up lag.
    /// The drive speed is limited so that a claw stops at the end of its travel.
    public func prepareStep() {
        let kp = calibration.fingerForcePerEffort
        let right = world.jointPosition(rightSlider), left = world.jointPosition(leftSlider)
        rightDrive = drive(rightDrive, force: kp * (gripperEffort - right), position: right, travel: 0...SawyerModel.rightClawTravel)
        leftDrive = drive(leftDrive, force: kp * (-gripperEffort - left), position: left, travel: -SawyerModel.leftClawTravel...0)
        let cfm = 1 / calibration.fingerDamping, limit = calibration.fingerHoldForceLimit
        world.setMotor(rightSlider, speed: rightDrive, maxForce: limit, constraintForceMixing: cfm)
        world.setMotor(leftSlider, speed: leftDrive, maxForce: limit, constraintForceMixing: cfm)
    }

    private func drive(_ current: Double, force: Double, position: Double, travel: ClosedRange<Double>) -> Double {
        let h = world.timestepSeconds
        let blend = h / calibration.fingerDriveTimeConstantSeconds
        let wanted = current + blend * (force / calibration.fingerDamping - current)
        let correction = 0.5 / h
        return min((travel.upperBound - position) * correction, max((travel.lowerBound - position) * correction, wanted))
    }

    /// Runs `substeps` physics steps holding the current targets; returns the first fault.
    public func settle(substeps: Int) -> PhysicsFault? {
        for _ in 0..<substeps {
            prepareStep()
            if let fault = world.step() { return fault }
        }
        return nil
    }

    // MARK: Readings (world frame, metres)

    /// The gripper frame `hand`.
    public var handPose: Transform { world.pose(of: hand) * SawyerModel.handInL6 }
    /// The `hand` body origin: observation 0:3.
    public var handPosition: SIMD3<Double> { handPose.position }
    public var rightClawPosition: SIMD3<Double> { world.position(of: rightClaw) }
    public var leftClawPosition: SIMD3<Double> { world.position(of: leftClaw) }
    /// Pad body origins (3 mm inward of the claws).
    public var rightPadPosition: SIMD3<Double> { world.worldPoint(SIMD3(0, SawyerModel.padInset, 0), of: rightClaw) }
    public var leftPadPosition: SIMD3<Double> { world.worldPoint(SIMD3(0, -SawyerModel.padInset, 0), of: leftClaw) }
    /// Tool centre point: midpoint of the two fingertip sites.
    public var tcp: SIMD3<Double> {
        let tip = SIMD3(SawyerModel.fingertipOffset, 0, 0)
        return (world.worldPoint(tip, of: rightClaw) + world.worldPoint(tip, of: leftClaw)) / 2
    }
    /// Observation 3: claw distance / 0.1, clipped to [0, 1].
    public var gripperOpening: Double {
        min(1, max(0, length(rightClawPosition - leftClawPosition) / 0.1))
    }
}
