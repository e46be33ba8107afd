import Physics

/// The cabinet of door-lock and door-unlock (MetaWorld's `doorlockA.xml`; docs/tasks.md, 'The
/// door family'): door-open's safe with its leaf welded shut (no hinge; its boxes are static
/// housing here) and a box handle, and a lock lever hinged about world +y on the leaf's front.
/// Positions are relative to the door body (the layout point).
///
/// Lever decisions: MetaWorld's lever is 0.001 kg with an armature of 0.001 kg·m², which is
/// what its joint-space inertia consists of; ODE has no armature, so the lever's inertia is set
/// to that value (same resistance to being swung). Its stops are ODE's stiff stops at MetaWorld's
/// range [0, 1.57]: door-lock succeeds at q ≥ 1.194 and door-unlock at q ≤ 0.377, both inside
/// it. (MetaWorld's unlock expert first presses the lever 0.75 rad past its soft lower stop; on
/// ours it stops there.)
struct LockedDoorCabinet {
    /// The lever's hinge (`lock_link` origin) relative to the door body.
    static let lockOffset = SIMD3<Double>(0, -0.118, 0.061)
    /// The sites the observation reports, in the lever frame.
    static let lockStartLock = SIMD3<Double>(0.09, -0.04, 0.01)
    static let lockStartUnlock = SIMD3<Double>(0.09, -0.04, -0.01)
    /// MetaWorld's lever range (rad): 0 horizontal pointing +x, π/2 pointing down.
    static let leverRange = 0.0...1.57
    static let stopSoftness = ArticulatedFixture.hingeStopSoftness

    let fixture: ArticulatedFixture

    init(world: World, surfaces: TaskSurfaces) throws {
        typealias Box = ArticulatedFixture.HousingBox
        // The leaf's boxes, given in MetaWorld's door_link frame (door + (−0.185, −0.1, 0)).
        let leaf = SIMD3<Double>(-0.185, -0.1, 0)
        let housing = [
            Box(name: "safe_left", center: SIMD3(-0.204, 0, 0), halfExtents: SIMD3(0.016, 0.106, 0.15)),
            Box(name: "safe_right", center: SIMD3(0.204, 0, 0), halfExtents: SIMD3(0.016, 0.106, 0.15)),
            Box(name: "safe_top", center: SIMD3(0, 0, 0.138), halfExtents: SIMD3(0.188, 0.106, 0.012)),
            Box(name: "safe_bottom", center: SIMD3(0, 0, -0.138), halfExtents: SIMD3(0.189, 0.106, 0.012)),
            Box(name: "safe_back", center: SIMD3(0, 0.094, 0), halfExtents: SIMD3(0.188, 0.012, 0.126)),
            Box(name: "door_leaf", center: leaf + SIMD3(0.185, 0, 0), halfExtents: SIMD3(0.184, 0.01, 0.124)),
            Box(name: "lock_base", center: leaf + SIMD3(0.185, -0.009, 0.061), halfExtents: SIMD3(0.047, 0.013, 0.047)),
            Box(name: "handle_plate", center: leaf + SIMD3(0.325, -0.006, -0.05), halfExtents: SIMD3(0.028, 0.012, 0.028)),
            Box(name: "handle_post", center: leaf + SIMD3(0.325, -0.065, -0.05), halfExtents: SIMD3(0.013, 0.047, 0.013)),
            Box(name: "handle_grip", center: leaf + SIMD3(0.381, -0.12, -0.05), halfExtents: SIMD3(0.075, 0.019, 0.019)),
            Box(name: "handle_grip_thick", center: leaf + SIMD3(0.395, -0.12, -0.05), halfExtents: SIMD3(0.054, 0.023, 0.023)),
        ]
        let geoms = [
            ArticulatedFixture.PartGeom(name: "lock_lever", shape: .box(halfExtents: SIMD3(0.05, 0.019, 0.01)),
                                        pose: Transform(position: SIMD3(0.042, -0.024, 0))),
        ]
        var lever = BodyDefinition(name: "lock_link")
        lever.massKilograms = 0.001
        lever.centerOfMass = SIMD3(0.042, -0.024, 0)
        lever.principalInertia = SIMD3(repeating: 0.001)
        fixture = try ArticulatedFixture(
            world: world, name: "lock", buildPosition: SIMD3(0, 0.85, 0.15), housing: housing,
            housingSurface: surfaces.fixture, part: lever, partOffset: Self.lockOffset, partGeoms: geoms,
            partSurface: surfaces.object, motion: .hingeAboutY, range: Self.leverRange, damping: 2)
    }

    /// The lever angle (rad): 0 horizontal, positive turning its tip down.
    func angle(in world: World) -> Double { fixture.jointPosition(in: world) }

    /// The lever's hinge point in the world (MetaWorld's `lock_link` position).
    func lockOrigin(in world: World) -> SIMD3<Double> { world.position(of: fixture.part) }

    /// A lever-frame site in the world.
    func site(_ point: SIMD3<Double>, in world: World) -> SIMD3<Double> { world.worldPoint(point, of: fixture.part) }
}
