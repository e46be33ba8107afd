import Physics

/// The handle press box of handle-press, handle-pull and their -side variants (MetaWorld's
/// `sawyer_handle_press.xml`; docs/tasks.md, 'The handle box family'): a static housing with a
/// 6.9 cm slot in which a lever arm slides along world z, its grip bar 21.6 cm in front of the
/// box. The -side variants turn the whole box +90° about z, so the handle points +x.
///
/// Housing decision: MetaWorld's side slabs and centre block are convex meshes whose front-top
/// corner is a circular arc (radius 0.1247 about y 0.0146, z 0.095). They are boxes here, the arc
/// replaced by a step inscribed in it; the hand works at the grip, 10 cm in front of the housing,
/// and never reaches that corner in the tasks' motions.
///
/// Slide decision: MetaWorld's range is [−0.1, 0] with a soft limit (about 150 N/m); press
/// succeeds at q ≤ −0.077 and pull at q ≥ −0.042 to −0.0435, both inside it, so ODE's stiff
/// stops sit at the declared ends. The handle weighs 2 g plus a 0.001 kg armature: its mass is
/// the joint-space 3 g here. Damping 30 N·s/m as MetaWorld.
struct HandleBox {
    /// Which way the box faces.
    enum Facing {
        /// Handle toward the robot (−y): handle-press, handle-pull.
        case front
        /// Turned +90° about z, handle toward +x: the -side tasks. (MetaWorld turns it by
        /// 1.57 rad, not π/2: its sites sit 0.2 mm off the axis-aligned ones used here.)
        case side

        /// A fixture offset in world axes: (x, y, z) → (−y, x, z) turned.
        func world(_ v: SIMD3<Double>) -> SIMD3<Double> {
            switch self {
            case .front: v
            case .side: SIMD3(-v.y, v.x, v.z)
            }
        }

        func halfExtents(_ h: SIMD3<Double>) -> SIMD3<Double> {
            switch self {
            case .front: h
            case .side: SIMD3(h.y, h.x, h.z)
            }
        }
    }

    static let range: ClosedRange<Double> = -0.1...0
    /// How far the 3 g handle may pass a stop under the weld's hardest pushes: 2.7 cm measured
    /// with held random actions since the gripper base has MuJoCo's height (6.3 mm while the
    /// base, then 3 cm too low, met the box first); MetaWorld's soft limit lets its expert press
    /// 1.8 cm past.
    static let stopSoftness = 0.03
    /// The handle frame (`handle_link`) relative to the box with the slide at 0.
    static let handleOffset = SIMD3<Double>(0, -0.05, 0.15)
    /// Sites in the handle frame (unturned).
    static let handleStart = SIMD3<Double>(0, -0.166, 0.022)
    static let handleRight = SIMD3<Double>(0.05, -0.166, 0.014)
    static let handleCenter = SIMD3<Double>(0, -0.12, 0)
    /// Fixture sites relative to the box (unturned).
    static let goalPress = SIMD3<Double>(0, -0.216, 0.075)
    static let goalPull = SIMD3<Double>(0, -0.216, 0.172)

    let facing: Facing
    let fixture: SlidingFixture
    var grip: GeomID { fixture.partGeoms[1] }

    init(world: World, surfaces: TaskSurfaces, facing: Facing) throws {
        self.facing = facing
        typealias Box = SlidingFixture.HousingBox
        func box(_ name: String, x: ClosedRange<Double>, y: ClosedRange<Double>, z: ClosedRange<Double>) -> Box {
            let center = SIMD3((x.lowerBound + x.upperBound) / 2, (y.lowerBound + y.upperBound) / 2, (z.lowerBound + z.upperBound) / 2)
            let half = SIMD3((x.upperBound - x.lowerBound) / 2, (y.upperBound - y.lowerBound) / 2, (z.upperBound - z.lowerBound) / 2)
            return Box(name: name, center: facing.world(center), halfExtents: facing.halfExtents(half))
        }
        var housing: [Box] = []
        for (side, x) in [("left", -0.0867 ... -0.0347), ("right", 0.0343...0.0863)] {
            housing.append(box("slab_\(side)_low", x: x, y: -0.11...0.11, z: 0...0.095))
            housing.append(box("slab_\(side)_step", x: x, y: -0.07...0.0146, z: 0.095...0.18))
            housing.append(box("slab_\(side)_back", x: x, y: 0.0146...0.11, z: 0.095...0.2197))
        }
        housing.append(box("centre_front", x: -0.035...0.0347, y: -0.0546...0.11, z: 0...0.19))
        housing.append(box("centre_back", x: -0.035...0.0347, y: 0.0146...0.11, z: 0.19...0.2197))
        housing.append(box("low_block", x: -0.035...0.035, y: -0.11 ... -0.054, z: 0...0.028))

        // The grip's axis runs along the box's x: world x facing front, world y turned.
        let gripAxis = facing == .front ? Quaternion(axis: SIMD3(0, 1, 0), angleRadians: .pi / 2)
                                        : Quaternion(axis: SIMD3(1, 0, 0), angleRadians: .pi / 2)
        let parts = [
            SlidingFixture.PartGeom(name: "handle_arm", shape: .box(halfExtents: facing.halfExtents(SIMD3(0.032, 0.075, 0.011))),
                                    pose: Transform(position: facing.world(SIMD3(0, -0.081, 0)))),
            SlidingFixture.PartGeom(name: "handle_grip", shape: .cylinder(radius: 0.022, halfLength: 0.07),
                                    pose: Transform(position: facing.world(SIMD3(0, -0.166, 0)), rotation: gripAxis)),
        ]
        var handle = BodyDefinition(name: "handle_link")
        handle.massKilograms = 0.003
        handle.centerOfMass = facing.world(SIMD3(0, -0.1235, 0))
        handle.principalInertia = SIMD3(repeating: 1e-5)
        fixture = try SlidingFixture(
            world: world, name: "handle", buildPosition: SIMD3(0, 0.85, 0), housing: housing,
            housingSurface: surfaces.fixture, part: handle, partOffset: facing.world(Self.handleOffset),
            partGeoms: parts, partSurface: surfaces.object, axis: SIMD3(0, 0, 1), range: Self.range,
            dampingNewtonSecondsPerMetre: 30)
    }

    func place(at position: SIMD3<Double>, slide q: Double, in world: World) { fixture.place(at: position, slide: q, in: world) }

    /// A handle-frame site in the world.
    func site(_ point: SIMD3<Double>, in world: World) -> SIMD3<Double> {
        world.position(of: fixture.part) + facing.world(point)
    }

    /// A fixture site in the world for the box at `position`.
    func fixtureSite(_ point: SIMD3<Double>, boxAt position: SIMD3<Double>) -> SIMD3<Double> { position + facing.world(point) }

    func slide(in world: World) -> Double { fixture.slide(in: world) }

    var jointRanges: [TaskJointRange] {
        [TaskJointRange(name: "handle_joint", joint: fixture.joint, range: Self.range, softness: Self.stopSoftness)]
    }
}
