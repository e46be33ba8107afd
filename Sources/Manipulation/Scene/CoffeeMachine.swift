import Physics

/// The coffee machine of coffee-button, coffee-pull and coffee-push (MetaWorld's
/// `sawyer_coffee.xml`; docs/tasks.md, 'The coffee family'): a static body with a spout over the
/// mug's spot, and a button in a frame on its front, sliding along world +y when pressed (range
/// [0, 0.03], no spring: it stays where it is pushed). Positions relative to the machine's
/// layout point.
struct CoffeeMachine {
    static let buttonRange: ClosedRange<Double> = 0...0.03
    /// The buttonStart site (the button's front face centre) relative to the button frame.
    static let buttonFace = SIMD3<Double>(0, -0.22, 0.3)
    /// The mug's spot under the spout, relative to the machine.
    static let mugSpot = SIMD3<Double>(0, -0.22, 0)
    static let stopSoftness = 0.005

    let fixture: SlidingFixture

    init(world: World, surfaces: TaskSurfaces) throws {
        typealias Housing = SlidingFixture.HousingBox
        let alongY = Quaternion(axis: SIMD3(1, 0, 0), angleRadians: .pi / 2)
        let housing = [
            Housing(name: "coffee_base", center: SIMD3(0, 0, 0.115), halfExtents: SIMD3(0.1, 0.098, 0.115)),
            Housing(name: "coffee_upper", center: SIMD3(0, 0, 0.3), halfExtents: SIMD3(0.1, 0.098, 0.07)),
            Housing(name: "coffee_frame_left", center: SIMD3(-0.069, -0.133, 0.3), halfExtents: SIMD3(0.031, 0.05, 0.035)),
            Housing(name: "coffee_frame_right", center: SIMD3(0.069, -0.133, 0.3), halfExtents: SIMD3(0.031, 0.05, 0.035)),
            Housing(name: "coffee_frame_top", center: SIMD3(0, -0.133, 0.352), halfExtents: SIMD3(0.1, 0.05, 0.018)),
            Housing(name: "coffee_frame_bottom", center: SIMD3(0, -0.133, 0.248), halfExtents: SIMD3(0.1, 0.05, 0.018)),
            Housing(name: "coffee_spout", center: SIMD3(0, -0.109, 0.135), shape: .cylinder(radius: 0.009, halfLength: 0.018), rotation: alongY),
            Housing(name: "coffee_spout_tip", center: SIMD3(0, -0.141, 0.152), shape: .cylinder(radius: 0.016, halfLength: 0.041)),
        ]
        let parts = [
            SlidingFixture.PartGeom(name: "coffee_button", shape: .cylinder(radius: 0.032, halfLength: 0.03),
                                    pose: Transform(position: SIMD3(0, -0.19, 0.3), rotation: alongY)),
        ]
        var button = BodyDefinition(name: "cmbutton")
        button.massKilograms = 0.101  // 0.1 kg and the slide's 0.001 kg armature
        button.centerOfMass = SIMD3(0, -0.19, 0.3)
        button.principalInertia = SIMD3(repeating: 1e-4)
        fixture = try SlidingFixture(
            world: world, name: "coffee_button", buildPosition: SIMD3(0, 0.9, 0), housing: housing,
            housingSurface: surfaces.fixture, part: button, partOffset: .zero, partGeoms: parts,
            partSurface: surfaces.object, axis: SIMD3(0, 1, 0), range: Self.buttonRange, dampingNewtonSecondsPerMetre: 1)
    }

    func place(at position: SIMD3<Double>, in world: World) { fixture.place(at: position, slide: 0, in: world) }

    /// The button's front face centre (MetaWorld's buttonStart site).
    func buttonFace(in world: World) -> SIMD3<Double> { world.position(of: fixture.part) + Self.buttonFace }

    func slide(in world: World) -> Double { fixture.slide(in: world) }

    var jointRanges: [TaskJointRange] {
        [TaskJointRange(name: "goal_slidey", joint: fixture.joint, range: Self.buttonRange, softness: Self.stopSoftness)]
    }
}

/// The mug of the coffee tasks: a free cup (cylinder r 0.028, 6.6 cm tall, its bottom 2 mm above
/// the body origin) with a disc handle on its +x side, 0.11 kg in all.
struct Mug {
    /// MetaWorld sets only the mug's position; its orientation is what the fall at its first
    /// reset left, the same on every layout (measured): yaw −3.4°, tilt 0.6°.
    static let restingOrientation = Quaternion(w: 0.99954, x: 0.00471, y: -0.00261, z: -0.02984).normalized
    /// The cup's middle above the body origin (where fingers close on it).
    static let cupMiddle = 0.035

    let body: BodyID
    let cup: GeomID

    init(world: World, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: "obj")
        definition.massKilograms = 0.11
        definition.centerOfMass = SIMD3(0.0031, 0, 0.0356)
        definition.principalInertia = SIMD3(6.9e-5, 5.8e-5, 5.0e-5)
        definition.pose = Transform(position: SIMD3(0, 0.6, 0))
        body = try world.addBody(definition)
        cup = try world.addGeom(GeomDefinition(
            name: "mug_cup", shape: .cylinder(radius: 0.028, halfLength: 0.033), body: body,
            pose: Transform(position: SIMD3(0, 0, 0.035)), surface: surface, filter: CollisionGroups.objectFilter))
        _ = try world.addGeom(GeomDefinition(
            name: "mug_handle", shape: .cylinder(radius: 0.02, halfLength: 0.005), body: body,
            pose: Transform(position: SIMD3(0.034, 0, 0.042), rotation: Quaternion(axis: SIMD3(1, 0, 0), angleRadians: .pi / 2)),
            surface: surface, filter: CollisionGroups.objectFilter))
    }

    /// Puts the mug's body origin at `position` (MetaWorld's `_set_obj_xyz`), at rest, in its
    /// resting orientation.
    func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position, rotation: Self.restingOrientation), of: body)
        world.setVelocity(of: body)
    }
}
