import Physics

/// The dial of dial-turn (MetaWorld's `sawyer_dial.xml`; docs/tasks.md, 'The dial'): a disc with
/// a raised ridge turning about world z on the table, range [−3.14, 3.14], damping 1. MetaWorld's
/// dial geoms touch only the gripper and free objects; so do these.
///
/// Decision: the hinge's 0.001 kg·m² armature is folded into the dial's inertia about z (the
/// joint-space 0.00142 kg·m²). Success needs |q| ≥ 1.369, well inside the range.
struct Dial {
    static let range = -3.14...3.14

    let fixture: ArticulatedFixture

    init(world: World, surfaces: TaskSurfaces) throws {
        let geoms = [
            ArticulatedFixture.PartGeom(name: "dial_disc", shape: .cylinder(radius: 0.05, halfLength: 0.018),
                                        pose: Transform(position: SIMD3(0, 0, 0.018))),
            ArticulatedFixture.PartGeom(name: "dial_ridge", shape: .box(halfExtents: SIMD3(0.015, 0.046, 0.015)),
                                        pose: Transform(position: SIMD3(0, 0, 0.051))),
        ]
        var dial = BodyDefinition(name: "dial_link")
        dial.massKilograms = 0.3655
        dial.centerOfMass = SIMD3(0, 0, 0.0255)
        dial.principalInertia = SIMD3(0.0005, 0.0005, 0.00142)
        fixture = try ArticulatedFixture(
            world: world, name: "dial", buildPosition: SIMD3(0, 0.75, 0), housing: [],
            housingSurface: surfaces.fixture, part: dial, partOffset: .zero, partGeoms: geoms,
            partSurface: surfaces.object, motion: .hingeAboutZ, range: Self.range, damping: 1)
    }

    func angle(in world: World) -> Double { fixture.jointPosition(in: world) }

    var jointRanges: [TaskJointRange] {
        [TaskJointRange(name: "knob_Joint_1", joint: fixture.joint, range: Self.range, softness: ArticulatedFixture.hingeStopSoftness)]
    }
}
