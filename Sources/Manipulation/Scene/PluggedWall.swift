import Physics

/// peg-unplug-side's wall with a square hole and the plug pressed into it (MetaWorld's
/// `sawyer_peg_unplug_side.xml`; docs/tasks.md, 'peg-unplug-side-v3').
///
/// The wall is 5 cm thick in x with a 4.4 × 4.4 cm hole centred 13.1 cm up; it rides on a
/// kinematic body so that layouts can move it. The plug is a free 80 g body: a ball inside the
/// hole, a flange against the wall's face, a box and a knob outside.
///
/// MetaWorld holds the plug by interpenetration: its 6 cm ball overlaps each face of the 4.4 cm
/// hole by 8 mm, and MuJoCo's soft contacts turn that into a viscous clamp (measured: a steady
/// pull along +x moves it about 2 mm/s per newton; untouched it creeps 1.2 mm in 400 steps).
/// ODE would throw an object placed 8 mm inside a wall out of it, so the fit is modelled
/// explicitly: the ball is one that fits the hole, and a slide joint along x with 500 N·s/m of
/// damping holds the plug, straight, until it has travelled out as far as MuJoCo's ball leaves
/// the wall (4.6 cm); then the joint lets go and the plug is free.
struct PluggedWall {
    /// The plug's origin relative to the wall's origin at reset.
    static let plugOffset = SIMD3<Double>(0.044, 0, 0.131)
    /// MetaWorld's `pegEnd` site in the plug frame (the observed point).
    static let pegEnd = SIMD3<Double>(0.04, 0, 0)
    /// How far the plug slides out before MuJoCo's 3 cm ball clears the wall's face.
    static let exitTravel = 0.046
    /// The fit's viscous resistance, N·s/m (MuJoCo's 2 mm/s per N).
    static let fitDampingNewtonSecondsPerMetre = 500.0

    let wall: BodyID
    let plug: BodyID
    let plugGeoms: [GeomID]
    let fit: JointID

    init(world: World, surfaces: TaskSurfaces) throws {
        var wallDefinition = BodyDefinition(name: "box")
        wallDefinition.isKinematic = true
        wallDefinition.pose = Transform(position: SIMD3(-0.2, 0.7, 0))
        wall = try world.addBody(wallDefinition)
        let blocks: [(String, SIMD3<Double>, SIMD3<Double>)] = [
            ("wall_lower", SIMD3(0, 0, 0.054), SIMD3(0.025, 0.1, 0.055)),
            ("wall_upper", SIMD3(0, 0, 0.176), SIMD3(0.025, 0.1, 0.023)),
            ("wall_left", SIMD3(0, -0.061, 0.131), SIMD3(0.025, 0.039, 0.022)),
            ("wall_right", SIMD3(0, 0.061, 0.131), SIMD3(0.025, 0.039, 0.022)),
        ]
        let cluster = world.addCollisionCluster()
        for (name, center, half) in blocks {
            var geom = GeomDefinition(name: name, shape: .box(halfExtents: half), body: wall,
                                      pose: Transform(position: center), surface: surfaces.fixture,
                                      filter: CollisionGroups.sceneryFilter)
            geom.cluster = cluster
            _ = try world.addGeom(geom)
        }
        var plugDefinition = BodyDefinition(name: "plug1")
        plugDefinition.massKilograms = 0.08
        plugDefinition.centerOfMass = SIMD3(-0.0129, 0, 0)
        // Least inertia about the plug's own axis (x).
        plugDefinition.principalInertia = SIMD3(4.4e-5, 1.3e-4, 1.3e-4)
        plugDefinition.pose = Transform(position: SIMD3(-0.2, 0.7, 0) + Self.plugOffset)
        plug = try world.addBody(plugDefinition)
        let alongX = Quaternion(axis: SIMD3(0, 1, 0), angleRadians: .pi / 2)
        let parts: [(String, Shape, SIMD3<Double>, Quaternion)] = [
            // 2.1 cm: fits the 2.2 cm half hole (MetaWorld's is 3 cm, see the type's comment).
            ("plug_ball", .sphere(radius: 0.021), SIMD3(-0.035, 0, 0), .identity),
            ("plug_flange", .cylinder(radius: 0.045, halfLength: 0.007), SIMD3(-0.013, 0, 0), alongX),
            ("plug_box", .box(halfExtents: SIMD3(0.035, 0.038, 0.038)), SIMD3(0.025, 0, 0), .identity),
            ("plug_knob", .sphere(radius: 0.04), SIMD3(0.06, 0, 0), .identity),
        ]
        var geoms: [GeomID] = []
        for (name, shape, center, rotation) in parts {
            geoms.append(try world.addGeom(GeomDefinition(
                name: name, shape: shape, body: plug, pose: Transform(position: center, rotation: rotation),
                surface: surfaces.freeObject, filter: CollisionGroups.objectFilter)))
        }
        plugGeoms = geoms
        var joint = JointDefinition(name: "plug_fit", kind: .slider(axis: SIMD3(1, 0, 0)), first: plug, second: wall)
        // Not pushed further in than placed (the flange meets the wall's face there).
        joint.lowerLimit = 0
        joint.damping = Self.fitDampingNewtonSecondsPerMetre
        fit = try world.addJoint(joint)
    }

    /// Puts the wall's origin at `position` and the plug in its hole, held by the fit.
    func place(wallAt position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: wall)
        world.setVelocity(of: wall)
        world.setPose(Transform(position: position + Self.plugOffset), of: plug)
        world.setVelocity(of: plug)
        world.setJointEnabled(fit, true)
    }

    /// Lets the plug go once it has slid out of the hole.
    func releaseIfOut(in world: World) {
        if world.isJointEnabled(fit) && world.jointPosition(fit) >= Self.exitTravel {
            world.setJointEnabled(fit, false)
        }
    }

    func pegEnd(in world: World) -> SIMD3<Double> { world.pose(of: plug).apply(Self.pegEnd) }
}
