import Physics

/// The window of window-open and window-close (MetaWorld `window_horiz.xml`; docs/tasks.md,
/// 'window-open-v3'): a static frame with a fixed right pane, and a left pane sliding along world
/// +x on rails, with a vertical bar handle 9.5 cm in front of it. Positions are relative to the
/// window body (the layout point); the sliding pane's frame coincides with it when the slide is 0.
struct SlidingWindow {
    /// MetaWorld's slide range, m: 0 closed (pane on the left), 0.2 open (pane over the right one).
    static let slideRange = 0.0...0.2
    /// Sites on the sliding pane, in its frame: 2.6 cm left / 2.4 cm right of the handle bar.
    static let handleOpenStart = SIMD3<Double>(-0.04, -0.095, 0)
    static let handleCloseStart = SIMD3<Double>(0.01, -0.095, 0)

    let fixture: ArticulatedFixture

    init(world: World, surfaces: TaskSurfaces) throws {
        typealias Box = ArticulatedFixture.HousingBox
        let fixedPane = SIMD3<Double>(0.1, 0.013, 0)
        let housing = [
            Box(name: "window_post_left", center: SIMD3(-0.216, 0, 0), halfExtents: SIMD3(0.015, 0.03, 0.181)),
            Box(name: "window_post_right", center: SIMD3(0.216, 0, 0), halfExtents: SIMD3(0.015, 0.03, 0.181)),
            Box(name: "window_base", center: SIMD3(0, 0, -0.192), halfExtents: SIMD3(0.25, 0.06, 0.01)),
            Box(name: "window_rail_low", center: SIMD3(0, 0, -0.166), halfExtents: SIMD3(0.201, 0.03, 0.015)),
            Box(name: "window_rail_high", center: SIMD3(0, 0, 0.166), halfExtents: SIMD3(0.201, 0.03, 0.015)),
            // The fixed pane `windowb_b` has no joint: it is part of the static frame.
            Box(name: "pane_b_low", center: fixedPane + SIMD3(0, 0, -0.14), halfExtents: SIMD3(0.08, 0.012, 0.01)),
            Box(name: "pane_b_high", center: fixedPane + SIMD3(0, 0, 0.14), halfExtents: SIMD3(0.08, 0.012, 0.01)),
            Box(name: "pane_b_glass", center: fixedPane + SIMD3(0, -0.005, 0), halfExtents: SIMD3(0.08, 0.001, 0.13)),
            Box(name: "pane_b_bar", center: fixedPane + SIMD3(0, -0.009, 0), halfExtents: SIMD3(0.08, 0.003, 0.005)),
            Box(name: "pane_b_left", center: fixedPane + SIMD3(-0.09, 0, 0), halfExtents: SIMD3(0.01, 0.012, 0.15)),
            Box(name: "pane_b_right", center: fixedPane + SIMD3(0.09, 0, 0), halfExtents: SIMD3(0.01, 0.012, 0.15)),
        ]
        let alongY = Quaternion(axis: SIMD3(1, 0, 0), angleRadians: 1.57)
        typealias Geom = ArticulatedFixture.PartGeom
        func box(_ name: String, _ center: SIMD3<Double>, _ half: SIMD3<Double>) -> Geom {
            Geom(name: name, shape: .box(halfExtents: half), pose: Transform(position: center))
        }
        let geoms = [
            Geom(name: "window_handle", shape: .capsule(radius: 0.008, halfLength: 0.045), pose: Transform(position: SIMD3(-0.014, -0.095, 0))),
            Geom(name: "handle_arm_high", shape: .capsule(radius: 0.008, halfLength: 0.035),
                 pose: Transform(position: SIMD3(-0.014, -0.06, 0.045), rotation: alongY)),
            Geom(name: "handle_arm_low", shape: .capsule(radius: 0.008, halfLength: 0.035),
                 pose: Transform(position: SIMD3(-0.014, -0.06, -0.045), rotation: alongY)),
            Geom(name: "handle_foot_high", shape: .cylinder(radius: 0.012, halfLength: 0.003),
                 pose: Transform(position: SIMD3(-0.014, -0.028, 0.045), rotation: alongY)),
            Geom(name: "handle_foot_low", shape: .cylinder(radius: 0.012, halfLength: 0.003),
                 pose: Transform(position: SIMD3(-0.014, -0.028, -0.045), rotation: alongY)),
            box("pane_a_right", SIMD3(-0.014, -0.013, 0), SIMD3(0.014, 0.012, 0.15)),
            box("pane_a_left", SIMD3(-0.19, -0.013, 0), SIMD3(0.01, 0.012, 0.15)),
            box("pane_a_high", SIMD3(-0.104, -0.013, 0.14), SIMD3(0.076, 0.012, 0.01)),
            box("pane_a_low", SIMD3(-0.104, -0.013, -0.14), SIMD3(0.076, 0.012, 0.01)),
            box("pane_a_glass", SIMD3(-0.104, -0.018, 0), SIMD3(0.076, 0.001, 0.13)),
            box("pane_a_bar", SIMD3(-0.104, -0.022, 0), SIMD3(0.076, 0.003, 0.005)),
        ]
        // 0.64 kg from the pane's geoms at density 1000; centre of mass and inertia from the
        // same shapes. Rotation is locked by the slider, so only the mass really matters; the
        // slide's armature (0.001 kg) is left out, 0.2% of it.
        var pane = BodyDefinition(name: "windowb_a")
        pane.massKilograms = 0.64
        pane.centerOfMass = SIMD3(-0.088, -0.015, 0)
        pane.principalInertia = SIMD3(0.006, 0.007, 0.0021)
        // Stops: ODE's stiff stops at MetaWorld's exact [0, 0.2]. Window-open succeeds at a slide
        // of ≈0.19 and window-close at ≈0.04, both inside the range, so neither task needs the
        // 3 mm overrun MuJoCo's soft stop allows at 0.2 (docs/tasks.md, 'Where ODE differs from
        // MuJoCo'); a stiff stop only keeps the pane from sliding past the frame.
        fixture = try ArticulatedFixture(
            world: world, name: "window", buildPosition: SIMD3(0, 0.8, 0.16), housing: housing,
            housingSurface: surfaces.fixture, part: pane, partOffset: .zero, partGeoms: geoms,
            partSurface: surfaces.object, motion: .slideAlongX, range: Self.slideRange, damping: 2)
    }

    /// The slide, m (0 closed, 0.2 open).
    func slide(in world: World) -> Double { fixture.jointPosition(in: world) }

    /// A site on the sliding pane in world coordinates.
    func site(_ local: SIMD3<Double>, in world: World) -> SIMD3<Double> { world.worldPoint(local, of: fixture.part) }
}
