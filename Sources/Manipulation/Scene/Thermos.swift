import Physics

/// The thermos of stick-push and stick-pull (MetaWorld's `thermos.xml`; docs/tasks.md, 'The stick
/// and the thermos'): a 3.27 kg flask with a handle loop on its −y side, on two slide joints along
/// world x and y ([−0.2, 0.2] each, damping 1) from its base at (0.2, 0.6, 0). As for the plate, a
/// carriage of 1 g slides along x on the world and the thermos along y on the carriage; the
/// 0.001 kg armature is folded into the thermos's mass.
///
/// MetaWorld's thermos does not touch the table (its joints carry it; measured: 5 N moves it as a
/// free 3.27 kg mass), so here it collides only with the gripper and the stick. The trim disc and
/// the cap are convex meshes there, cylinders of their measured radius here.
struct Thermos {
    static let baseOrigin = SIMD3<Double>(0.2, 0.6, 0)
    static let slideRange: ClosedRange<Double> = -0.2...0.2
    static let stopSoftness = 0.005
    /// MetaWorld's `insertion` site, the handle loop's centre, in the thermos frame.
    static let insertion = SIMD3<Double>(0, -0.09, 0.132)
    /// Thermos parts collide with the gripper's finger shells and with free objects (the stick),
    /// not with the table.
    static let filter = CollisionFilter(category: SlidingFixture.slidingPartCategory,
                                        collidesWith: CollisionGroups.gripper | CollisionGroups.object)

    let carriage: BodyID
    let thermos: BodyID
    let jointX: JointID
    let jointY: JointID

    init(world: World, surface: SurfaceParameters) throws {
        var carriageDefinition = BodyDefinition(name: "thermos_carriage")
        carriageDefinition.massKilograms = 0.001
        carriageDefinition.principalInertia = SIMD3(repeating: 1e-6)
        carriageDefinition.pose = Transform(position: Self.baseOrigin)
        carriage = try world.addBody(carriageDefinition)
        var definition = BodyDefinition(name: "object")
        definition.massKilograms = 3.269
        definition.centerOfMass = SIMD3(0, -0.002, 0.143)
        // A 3.27 kg cylinder of 6 cm radius and 33 cm height; the slides keep it from turning.
        definition.principalInertia = SIMD3(0.033, 0.033, 0.0059)
        definition.pose = Transform(position: Self.baseOrigin)
        thermos = try world.addBody(definition)
        let parts: [(String, Shape, SIMD3<Double>)] = [
            ("therm_base", .cylinder(radius: 0.062, halfLength: 0.02), SIMD3(0, 0, 0.02)),
            ("therm_body", .cylinder(radius: 0.06, halfLength: 0.1), SIMD3(0, 0, 0.14)),
            ("therm_trim", .cylinder(radius: 0.0515, halfLength: 0.002), SIMD3(0, 0, 0.242)),
            ("therm_cap", .cylinder(radius: 0.047, halfLength: 0.043), SIMD3(0, 0, 0.287)),
            ("therm_handle_bar", .box(halfExtents: SIMD3(0.01, 0.005, 0.068)), SIMD3(0, -0.135, 0.132)),
            ("therm_handle_top", .box(halfExtents: SIMD3(0.01, 0.04, 0.005)), SIMD3(0, -0.09, 0.195)),
            ("therm_handle_bottom", .box(halfExtents: SIMD3(0.01, 0.04, 0.005)), SIMD3(0, -0.09, 0.069)),
        ]
        for (name, shape, center) in parts {
            _ = try world.addGeom(GeomDefinition(
                name: name, shape: shape, body: thermos, pose: Transform(position: center),
                surface: surface, filter: Self.filter))
        }
        var x = JointDefinition(name: "obj_slidex", kind: .slider(axis: SIMD3(1, 0, 0)), first: carriage, second: nil)
        x.lowerLimit = Self.slideRange.lowerBound
        x.upperLimit = Self.slideRange.upperBound
        x.damping = 1
        jointX = try world.addJoint(x)
        var y = JointDefinition(name: "obj_slidey", kind: .slider(axis: SIMD3(0, 1, 0)), first: thermos, second: carriage)
        y.lowerLimit = Self.slideRange.lowerBound
        y.upperLimit = Self.slideRange.upperBound
        y.damping = 1
        jointY = try world.addJoint(y)
    }

    /// Puts the thermos at slides (x, y), at rest.
    func place(slides: SIMD2<Double>, in world: World) {
        world.setPose(Transform(position: Self.baseOrigin + SIMD3(slides.x, 0, 0)), of: carriage)
        world.setVelocity(of: carriage)
        world.setPose(Transform(position: Self.baseOrigin + SIMD3(slides.x, slides.y, 0)), of: thermos)
        world.setVelocity(of: thermos)
    }

    /// The handle loop's centre (MetaWorld's `insertion` site), world frame.
    func insertion(in world: World) -> SIMD3<Double> { world.position(of: thermos) + Self.insertion }

    var jointRanges: [TaskJointRange] {
        [TaskJointRange(name: "obj_slidex", joint: jointX, range: Self.slideRange, softness: Self.stopSoftness),
         TaskJointRange(name: "obj_slidey", joint: jointY, range: Self.slideRange, softness: Self.stopSoftness)]
    }
}
