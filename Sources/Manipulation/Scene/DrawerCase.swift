import Physics

/// The drawer of drawer-open and drawer-close (MetaWorld's `drawer.xml`; docs/tasks.md,
/// 'drawer-open-v3'): a static case on the table and a drawer with a bar handle sliding out
/// along world −y.
///
/// Joint range decision (docs/tasks.md, 'Where ODE differs from MuJoCo'): MetaWorld declares the
/// slide range [−0.16, 0], but drawer-open's success (handle point within 3 cm of a goal 0.19 m
/// in front of the closed handle) is met exactly *at* −0.16, and MuJoCo only reaches it because
/// its soft limit gives way under the arm's pull (q ≈ −0.165 at first success, ≈ −0.20 when the
/// hand keeps pulling). A stiff ODE stop at −0.16 would leave success to rounding. We keep a stiff
/// stop (cheap and predictable) and place it where MuJoCo's soft limit ends up under a sustained
/// pull: **[−0.2, 0]**. The closed end stays at 0: pushing the drawer shut never overran it in
/// MuJoCo, and drawer-close's success does not depend on it.
/// Documented softness: ODE's stiff stops give at most a few millimetres under the hardest
/// pushes (3.4 mm measured with held random actions); the tests allow 5 mm past either end.
struct DrawerCase {
    /// MetaWorld's declared slide range (m) and the travel we simulate.
    static let declaredRange: ClosedRange<Double> = -0.16...0
    static let simulatedRange: ClosedRange<Double> = -0.2...0
    /// The drawer frame relative to the layout's `drawer_pos` with the drawer closed.
    static let drawerOffset = SIMD3<Double>(0, -0.01, 0.09)
    /// The handle point the observation reports, relative to the drawer frame: 1 cm in front of
    /// the bar centre, at bar height.
    static let handlePoint = SIMD3<Double>(0, -0.16, 0)

    let fixture: SlidingFixture
    /// The handle bar: the geom the reward counts as the main object.
    let handleBar: GeomID

    init(world: World, surfaces: TaskSurfaces) throws {
        // Case boxes: MetaWorld's `drawercase_link` sits 0.084 above drawer_pos.
        let c = SIMD3<Double>(0, 0, 0.084)
        let housing: [SlidingFixture.HousingBox] = [
            .init(name: "drawer_case_left", center: c + SIMD3(-0.11, 0, 0), halfExtents: SIMD3(0.008, 0.1, 0.084)),
            .init(name: "drawer_case_right", center: c + SIMD3(0.11, 0, 0), halfExtents: SIMD3(0.008, 0.1, 0.084)),
            .init(name: "drawer_case_back", center: c + SIMD3(0, 0.092, -0.008), halfExtents: SIMD3(0.102, 0.008, 0.076)),
            .init(name: "drawer_case_bottom", center: c + SIMD3(0, -0.008, -0.07), halfExtents: SIMD3(0.102, 0.092, 0.014)),
            .init(name: "drawer_case_top", center: c + SIMD3(0, 0, 0.076), halfExtents: SIMD3(0.102, 0.1, 0.008)),
        ]
        let alongY = Quaternion(axis: SIMD3(1, 0, 0), angleRadians: .pi / 2)
        let alongX = Quaternion(axis: SIMD3(0, 1, 0), angleRadians: .pi / 2)
        let parts: [SlidingFixture.PartGeom] = [
            .init(name: "drawer_handle_bar", shape: .capsule(radius: 0.009, halfLength: 0.05),
                  pose: Transform(position: SIMD3(0, -0.15, 0), rotation: alongX)),
            .init(name: "drawer_handle_post_left", shape: .capsule(radius: 0.009, halfLength: 0.03),
                  pose: Transform(position: SIMD3(-0.05, -0.12, 0), rotation: alongY)),
            .init(name: "drawer_handle_post_right", shape: .capsule(radius: 0.009, halfLength: 0.03),
                  pose: Transform(position: SIMD3(0.05, -0.12, 0), rotation: alongY)),
            .init(name: "drawer_front", shape: .box(halfExtents: SIMD3(0.1, 0.008, 0.052)), pose: Transform(position: SIMD3(0, -0.082, 0.008))),
            .init(name: "drawer_back", shape: .box(halfExtents: SIMD3(0.1, 0.008, 0.052)), pose: Transform(position: SIMD3(0, 0.082, 0.008))),
            .init(name: "drawer_left", shape: .box(halfExtents: SIMD3(0.008, 0.074, 0.052)), pose: Transform(position: SIMD3(-0.092, 0, 0.008))),
            .init(name: "drawer_right", shape: .box(halfExtents: SIMD3(0.008, 0.074, 0.052)), pose: Transform(position: SIMD3(0.092, 0, 0.008))),
            .init(name: "drawer_bottom", shape: .box(halfExtents: SIMD3(0.1, 0.09, 0.008)), pose: Transform(position: SIMD3(0, 0, -0.052))),
        ]
        var drawer = BodyDefinition(name: "drawer_link")
        // 5 walls of 0.04 kg and 3 handle capsules of 0.06 kg (the XML's geom masses). The slide
        // keeps the drawer from turning, so its inertia only needs to be plausible.
        drawer.massKilograms = 0.38
        drawer.principalInertia = SIMD3(2.2e-3, 1.6e-3, 3.2e-3)
        fixture = try SlidingFixture(
            world: world, name: "drawer", buildPosition: SIMD3(0, 0.9, 0), housing: housing,
            housingSurface: surfaces.fixture, part: drawer, partOffset: Self.drawerOffset,
            partGeoms: parts, partSurface: surfaces.object, axis: SIMD3(0, 1, 0),
            range: Self.simulatedRange, dampingNewtonSecondsPerMetre: 2)
        handleBar = fixture.partGeoms[0]
    }

    /// Places the case at `drawer_pos` with the drawer slid to `q` (m, negative = open).
    func place(at position: SIMD3<Double>, slide q: Double, in world: World) {
        fixture.place(at: position, slide: q, in: world)
    }

    /// The drawer frame (`drawer_link`) in world coordinates.
    func drawerPose(in world: World) -> Transform { world.pose(of: fixture.part) }

    /// The slide (m): 0 closed, negative pulled out.
    func slide(in world: World) -> Double { fixture.slide(in: world) }
}
