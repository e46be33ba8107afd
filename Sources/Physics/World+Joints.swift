internal import CSystemODE

extension World {
    /// Adds a joint. Hinge and slider positions read zero in the bodies' current pose.
    public func addJoint(_ definition: JointDefinition) throws -> JointID {
        guard definition.first.index < bodies.count else { throw PhysicsError.unknownBody(index: definition.first.index) }
        if let second = definition.second, second.index >= bodies.count { throw PhysicsError.unknownBody(index: second.index) }
        let first = bodies[definition.first.index]
        let second = definition.second.map { bodies[$0.index] }
        let joint: OpaquePointer
        switch definition.kind {
        case let .hinge(anchor, axis):
            if definition.lowerLimit.isFinite && definition.lowerLimit < -Double.pi
                || definition.upperLimit.isFinite && definition.upperLimit > Double.pi {
                throw PhysicsError.invalidParameter(name: "\(definition.name) limits", value: definition.lowerLimit, expected: "hinge limits within [-π, π] of the build pose")
            }
            joint = dJointCreateHinge(world, nil)
            dJointAttach(joint, first, second)
            dJointSetHingeAnchor(joint, anchor.x, anchor.y, anchor.z)
            dJointSetHingeAxis(joint, axis.x, axis.y, axis.z)
        case let .slider(axis):
            joint = dJointCreateSlider(world, nil)
            dJointAttach(joint, first, second)
            dJointSetSliderAxis(joint, axis.x, axis.y, axis.z)
        case .fixed:
            joint = dJointCreateFixed(world, nil)
            dJointAttach(joint, first, second)
            dJointSetFixed(joint)
        }
        joints.append(joint)
        jointKinds.append(definition.kind)
        jointNames.append(definition.name)
        let id = JointID(index: joints.count - 1)
        if definition.lowerLimit.isFinite { setParameter(id, Int32(dParamLoStop), definition.lowerLimit) }
        if definition.upperLimit.isFinite { setParameter(id, Int32(dParamHiStop), definition.upperLimit) }
        if definition.damping > 0 {
            setMotor(id, speed: 0, maxForce: .infinity, constraintForceMixing: 1 / definition.damping)
            if definition.lowerLimit.isFinite || definition.upperLimit.isFinite {
                dampedLimitedJoints.append(DampedLimit(joint: id.index, lower: definition.lowerLimit, upper: definition.upperLimit))
            }
        }
        if let spring = definition.spring, spring.stiffness != 0 {
            sprungJoints.append((id.index, spring.stiffness, spring.reference))
        }
        if let spring = definition.springDamper {
            let h = self.definition.timestepSeconds
            let denominator = h * spring.stiffness + spring.damping
            setParameter(id, Int32(dParamERP), h * spring.stiffness / denominator)
            setParameter(id, Int32(dParamCFM), 1 / denominator)
        }
        return id
    }

    /// ODE applies a powered joint's full motor force explicitly while the joint sits at a stop,
    /// which turns an unbounded damping motor into an infinite kick. So a damped joint's motor
    /// is switched off while the joint is at a stop (the stop alone then holds it).
    func updateDampedLimits() {
        for (index, stiffness, reference) in sprungJoints {
            let id = JointID(index: index)
            addJointEffort(id, -stiffness * (jointPosition(id) - reference))
        }
        for limit in dampedLimitedJoints {
            let id = JointID(index: limit.joint)
            let q = jointPosition(id)
            setParameter(id, Int32(dParamFMax), q > limit.lower && q < limit.upper ? .infinity : 0)
        }
    }

    /// Switches a joint on or off: a disabled joint stops constraining its bodies until it is
    /// enabled again (its zero stays the build pose).
    public func setJointEnabled(_ joint: JointID, _ enabled: Bool) {
        if enabled { dJointEnable(joints[joint.index]) } else { dJointDisable(joints[joint.index]) }
    }

    /// Whether the joint currently constrains its bodies.
    public func isJointEnabled(_ joint: JointID) -> Bool { dJointIsEnabled(joints[joint.index]) != 0 }

    /// Hinge angle (rad) or slider position (m) relative to the build pose; 0 for fixed joints.
    public func jointPosition(_ joint: JointID) -> Double {
        switch jointKinds[joint.index] {
        case .hinge: return dJointGetHingeAngle(joints[joint.index])
        case .slider: return dJointGetSliderPosition(joints[joint.index])
        case .fixed: return 0
        }
    }

    /// Hinge rate (rad/s) or slider rate (m/s); 0 for fixed joints.
    public func jointRate(_ joint: JointID) -> Double {
        switch jointKinds[joint.index] {
        case .hinge: return dJointGetHingeAngleRate(joints[joint.index])
        case .slider: return dJointGetSliderPositionRate(joints[joint.index])
        case .fixed: return 0
        }
    }

    /// Drives a hinge or slider toward `speed` with at most `maxForce`; with a softness
    /// `constraintForceMixing` = 1/c the motor acts as force `c·speed` minus damping `c·rate`.
    public func setMotor(_ joint: JointID, speed: Double, maxForce: Double, constraintForceMixing: Double) {
        setParameter(joint, Int32(dParamVel), speed)
        setParameter(joint, Int32(dParamFMax), maxForce)
        setParameter(joint, Int32(dParamCFM), constraintForceMixing)
    }

    /// Adds a torque (hinge, N·m) or force (slider, N) along the joint axis for the next step.
    public func addJointEffort(_ joint: JointID, _ effort: Double) {
        switch jointKinds[joint.index] {
        case .hinge: dJointAddHingeTorque(joints[joint.index], effort)
        case .slider: dJointAddSliderForce(joints[joint.index], effort)
        case .fixed: break
        }
    }

    private func setParameter(_ joint: JointID, _ parameter: Int32, _ value: Double) {
        let j = joints[joint.index]
        switch jointKinds[joint.index] {
        case .hinge: dJointSetHingeParam(j, parameter, value)
        case .slider: dJointSetSliderParam(j, parameter, value)
        case .fixed: dJointSetFixedParam(j, parameter, value)
        }
    }
}
