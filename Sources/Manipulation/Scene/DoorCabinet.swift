import Physics

/// The door-open cabinet (MetaWorld `doorlockB.xml`; docs/tasks.md, 'door-open-v3'): a static safe
/// with a door leaf hinged about world z at its left edge, opening toward the robot (negative
/// angles), and a handle whose grip bar stands 12 cm proud of the leaf. Positions are relative to
/// the door body (the layout point); the part frame is the hinge point `door_link`.
struct DoorCabinet {
    /// The hinge (`door_link` origin) relative to the door body.
    static let hingeOffset = SIMD3<Double>(-0.185, -0.1, 0)
    /// The handle mesh centre, the observed object point, in the leaf frame.
    static let handleCenter = SIMD3<Double>(0.3757, -0.1071, 0)
    /// MetaWorld's hinge range, rad: closed at 0, negative swings the leaf toward the robot.
    static let openingRange = -2.0...0.0
    /// The handle geom's orientation in the leaf frame (MuJoCo euler (1.57, 0, 0)).
    static let handleRotation = Quaternion(axis: SIMD3(1, 0, 0), angleRadians: 1.57)

    /// The leaf's centre of mass in its frame, from the same shapes as its mass.
    static let leafCenterOfMass = SIMD3<Double>(0.224, -0.020, 0)

    let fixture: ArticulatedFixture

    init(world: World, surfaces: TaskSurfaces) throws {
        typealias Box = ArticulatedFixture.HousingBox
        let housing = [
            Box(name: "safe_left", center: SIMD3(-0.204, 0, 0), halfExtents: SIMD3(0.016, 0.106, 0.15)),
            Box(name: "safe_right", center: SIMD3(0.204, 0, 0), halfExtents: SIMD3(0.016, 0.106, 0.15)),
            Box(name: "safe_top", center: SIMD3(0, 0, 0.138), halfExtents: SIMD3(0.188, 0.106, 0.012)),
            Box(name: "safe_bottom", center: SIMD3(0, 0, -0.138), halfExtents: SIMD3(0.189, 0.106, 0.012)),
            Box(name: "safe_back", center: SIMD3(0, 0.094, 0), halfExtents: SIMD3(0.188, 0.012, 0.126)),
        ]
        let alongY = Quaternion(axis: SIMD3(1, 0, 0), angleRadians: 1.57)
        let alongX = Quaternion(axis: SIMD3(0, 1, 0), angleRadians: 1.57)
        let geoms = [
            ArticulatedFixture.PartGeom(name: "handle_grip", shape: .cylinder(radius: 0.019, halfLength: 0.075),
                                        pose: Transform(position: SIMD3(0.381, -0.12, 0), rotation: alongX)),
            ArticulatedFixture.PartGeom(name: "handle_grip_thick", shape: .cylinder(radius: 0.023, halfLength: 0.054),
                                        pose: Transform(position: SIMD3(0.395, -0.12, 0), rotation: alongX)),
            ArticulatedFixture.PartGeom(name: "handle_post", shape: .cylinder(radius: 0.013, halfLength: 0.047),
                                        pose: Transform(position: SIMD3(0.325, -0.065, 0), rotation: alongY)),
            ArticulatedFixture.PartGeom(name: "handle_base", shape: .cylinder(radius: 0.028, halfLength: 0.012),
                                        pose: Transform(position: SIMD3(0.325, -0.006, 0), rotation: alongY)),
            ArticulatedFixture.PartGeom(name: "door_leaf", shape: .box(halfExtents: SIMD3(0.18, 0.01, 0.123)),
                                        pose: Transform(position: SIMD3(0.185, 0, 0))),
        ]
        // MetaWorld's 2.23 kg comes from these geoms at density 1000; the centre of mass and
        // inertia below are computed from the same shapes (leaf 1.77 kg, handle 0.46 kg). The
        // hinge's armature (0.001 kg·m²) is left out: under 1% of the leaf's 0.15 kg·m² about it.
        var leaf = BodyDefinition(name: "door_link")
        leaf.massKilograms = 2.23
        leaf.centerOfMass = Self.leafCenterOfMass
        leaf.principalInertia = SIMD3(0.013, 0.041, 0.037)
        // Stops: ODE's stiff stops at MetaWorld's exact range. Unlike the button and drawer, no
        // door-open episode needs to press a stop: success comes at about −1.38 rad, well inside
        // [−2, 0], and MuJoCo's door stays inside too (docs/tasks.md, 'Where ODE differs from
        // MuJoCo').
        fixture = try ArticulatedFixture(
            world: world, name: "door", buildPosition: SIMD3(0, 0.9, 0.15), housing: housing,
            housingSurface: surfaces.fixture, part: leaf, partOffset: Self.hingeOffset, partGeoms: geoms,
            partSurface: surfaces.object, motion: .hingeAboutZ, range: Self.openingRange, damping: 2)
    }

    /// The hinge angle, rad (negative = open).
    func angle(in world: World) -> Double { fixture.jointPosition(in: world) }

    /// The handle centre in the world (observation 4:7).
    func handleCenter(in world: World) -> SIMD3<Double> { world.worldPoint(Self.handleCenter, of: fixture.part) }

    /// The handle geom's world orientation.
    func handleRotation(in world: World) -> Quaternion { world.pose(of: fixture.part).rotation * Self.handleRotation }
}
