import Physics

/// The faucet of faucet-open and faucet-close (MetaWorld's `sawyer_faucet.xml`; docs/tasks.md,
/// 'The faucet family'): a static base disc and column, and a handle arm turning about world z
/// on top of it: at 0 the arm points at the robot (−y), positive angles turn it toward +x.
///
/// Decisions: ODE's stiff stops sit at MetaWorld's range [−1.57, 1.57]; open succeeds at
/// q ≥ 1.374 and close at q ≤ −1.259, both inside it. The 0.001 kg·m² armature of MetaWorld's
/// hinge is folded into the handle's inertia about z, so that it resists turning as MuJoCo's
/// (joint-space inertia 0.00304 kg·m²).
struct Faucet {
    /// The hinge point (`faucet_link2`) above the base position.
    static let hingeOffset = SIMD3<Double>(0, 0, 0.124)
    /// Sites in the handle frame, relative to the hinge point.
    static let handleStartOpen = SIMD3<Double>(-0.015, -0.175, 0)
    static let handleStartClose = SIMD3<Double>(0.015, -0.175, 0)
    static let range = -1.57...1.57
    /// How far the arm may pass a stop: 0.031 rad measured with the hand pressing on after
    /// success (its 0.27 kg against the weld), more than the door's 0.022 under a slam.
    static let stopSoftness = 0.05

    let fixture: ArticulatedFixture

    init(world: World, surfaces: TaskSurfaces) throws {
        typealias Housing = ArticulatedFixture.HousingBox
        let housing = [
            Housing(name: "faucet_base", center: SIMD3(0, 0, 0.009), shape: .cylinder(radius: 0.046, halfLength: 0.009)),
            Housing(name: "faucet_column", center: SIMD3(0, 0, 0.061), shape: .cylinder(radius: 0.017, halfLength: 0.044)),
        ]
        let alongY = Quaternion(axis: SIMD3(1, 0, 0), angleRadians: .pi / 2)
        let geoms = [
            ArticulatedFixture.PartGeom(name: "faucet_hub", shape: .cylinder(radius: 0.032, halfLength: 0.02),
                                        pose: Transform(position: SIMD3(0, 0, 0.001))),
            ArticulatedFixture.PartGeom(name: "faucet_neck", shape: .cylinder(radius: 0.012, halfLength: 0.021),
                                        pose: Transform(position: SIMD3(0, -0.05, 0.001), rotation: alongY)),
            ArticulatedFixture.PartGeom(name: "faucet_arm", shape: .capsule(radius: 0.017, halfLength: 0.055),
                                        pose: Transform(position: SIMD3(0, -0.12, 0.001), rotation: alongY)),
        ]
        var handle = BodyDefinition(name: "faucet_link2")
        handle.massKilograms = 0.268
        handle.centerOfMass = SIMD3(0, -0.0575, 0.001)
        // About z through the hinge: 0.00304 kg·m² = this + 0.268·0.0575².
        handle.principalInertia = SIMD3(0.002, 0.002, 0.00304 - 0.268 * 0.0575 * 0.0575)
        fixture = try ArticulatedFixture(
            world: world, name: "faucet", buildPosition: SIMD3(0, 0.8, 0), housing: housing,
            housingSurface: surfaces.fixture, part: handle, partOffset: Self.hingeOffset, partGeoms: geoms,
            partSurface: surfaces.object, motion: .hingeAboutZ, range: Self.range, damping: 2)
    }

    func angle(in world: World) -> Double { fixture.jointPosition(in: world) }

    func site(_ point: SIMD3<Double>, in world: World) -> SIMD3<Double> { world.worldPoint(point, of: fixture.part) }

    var jointRanges: [TaskJointRange] {
        [TaskJointRange(name: "knob_Joint_1", joint: fixture.joint, range: Self.range, softness: Self.stopSoftness)]
    }
}
