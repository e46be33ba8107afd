internal import CSystemODE

extension World {
    /// Adds a rigid body built from `definition`.
    public func addBody(_ definition: BodyDefinition) throws -> BodyID {
        if let problem = definition.problems().first { throw problem }
        let body = dBodyCreate(world)!
        if definition.isKinematic {
            dBodySetKinematic(body)
        } else {
            var mass = dMass()
            let inertia = definition.principalInertia
            dMassSetParameters(&mass, definition.massKilograms, 0, 0, 0, inertia.x, inertia.y, inertia.z, 0, 0, 0)
            dBodySetMass(body, &mass)
        }
        if !definition.gravity { dBodySetGravityMode(body, 0) }
        bodies.append(body)
        bodyStates.append(contentsOf: repeatElement(0, count: BodyStateSnapshot.doublesPerBody))
        centerOffsets.append(definition.isKinematic ? .zero : definition.centerOfMass)
        bodyNames.append(definition.name)
        let id = BodyID(index: bodies.count - 1)
        setPose(definition.pose, of: id)
        return id
    }

    /// The name the body was built with.
    public func name(of body: BodyID) -> String { bodyNames[body.index] }

    /// Pose of the body frame in world coordinates.
    public func pose(of body: BodyID) -> Transform {
        let b = bodies[body.index]
        let p = dBodyGetPosition(b)!, q = dBodyGetQuaternion(b)!
        let rotation = Quaternion(w: q[0], x: q[1], y: q[2], z: q[3])
        let center = SIMD3(p[0], p[1], p[2])
        return Transform(position: center - rotation.rotate(centerOffsets[body.index]), rotation: rotation)
    }

    /// World position of the body frame origin.
    public func position(of body: BodyID) -> SIMD3<Double> { pose(of: body).position }

    /// World position of a point given in the body frame.
    public func worldPoint(_ local: SIMD3<Double>, of body: BodyID) -> SIMD3<Double> { pose(of: body).apply(local) }

    /// Places the body frame at `pose`; velocities are left unchanged.
    public func setPose(_ pose: Transform, of body: BodyID) {
        let b = bodies[body.index]
        let r = pose.rotation.normalized
        let center = pose.position + r.rotate(centerOffsets[body.index])
        dBodySetPosition(b, center.x, center.y, center.z)
        withQuaternion(r) { dBodySetQuaternion(b, $0) }
    }

    /// Linear velocity of the centre of mass (m/s).
    public func linearVelocity(of body: BodyID) -> SIMD3<Double> {
        let v = dBodyGetLinearVel(bodies[body.index])!
        return SIMD3(v[0], v[1], v[2])
    }

    /// Angular velocity (rad/s, world frame).
    public func angularVelocity(of body: BodyID) -> SIMD3<Double> {
        let w = dBodyGetAngularVel(bodies[body.index])!
        return SIMD3(w[0], w[1], w[2])
    }

    /// Sets both velocities (zero by default: brings the body to rest).
    public func setVelocity(linear: SIMD3<Double> = .zero, angular: SIMD3<Double> = .zero, of body: BodyID) {
        let b = bodies[body.index]
        dBodySetLinearVel(b, linear.x, linear.y, linear.z)
        dBodySetAngularVel(b, angular.x, angular.y, angular.z)
    }

    /// Adds a force (N, world frame) at the centre of mass for the next step.
    public func addForce(_ force: SIMD3<Double>, to body: BodyID) {
        dBodyAddForce(bodies[body.index], force.x, force.y, force.z)
    }

    /// Mass of a body in kg (0 for kinematic bodies).
    public func mass(of body: BodyID) -> Double {
        let b = bodies[body.index]
        if dBodyIsKinematic(b) != 0 { return 0 }
        var m = dMass()
        dBodyGetMass(b, &m)
        return m.mass
    }
}

/// Calls `body` with ODE's (w, x, y, z) array view of `rotation`, without allocating.
@inline(__always)
func withQuaternion(_ rotation: Quaternion, _ body: (UnsafePointer<Double>) -> Void) {
    var q: dQuaternion = (rotation.w, rotation.x, rotation.y, rotation.z)
    withUnsafePointer(to: &q) { pointer in
        pointer.withMemoryRebound(to: Double.self, capacity: 4) { body($0) }
    }
}
