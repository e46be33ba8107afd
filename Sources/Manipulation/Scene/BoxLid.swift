import Physics

/// box-close's lid (MetaWorld's `boxtop.xml`; docs/tasks.md, 'box-close-v3'): a free 23 × 23 cm
/// wooden lid of 0.25 kg with a handle bar across it. Its body frame is MetaWorld's `top_link`
/// (the observed point), turned 90° about z as the XML turns it, so that the handle runs along
/// world x and the gripper's pads close on it in y.
///
/// MetaWorld collides two convex meshes besides the primitive boxes and capsules, and their hulls
/// decide the contacts: the lid's hull is a solid slab (the rim's hollow is filled, so the lid
/// rests on the box walls at `top_link` z 0.0756, measured, instead of dropping over them) and the
/// handle's hull a solid slab under the arch. Here each hull is one box, which contains all the
/// primitives (measured hull bounds, `top_link` frame).
struct BoxLid {
    /// MetaWorld's `top_link` lies this far above the lid's free-joint origin, which the layout
    /// places.
    static let topLinkAboveJointOrigin = 0.075
    /// The lid slab's bottom below `top_link` (m): resting on the table, `top_link` is this high.
    static let slabBottomBelowTopLink = 0.0157
    /// The handle's bottom above `top_link` (m); its top is the bar's, about 0.09.
    static let handleBottom = 0.0042
    /// The handle bar's axis above `top_link` (MuJoCo's capsule at 0.082).
    static let barZ = 0.082
    /// The handle's half thickness across the pads: MuJoCo's 0.008, plus 1.5 mm for the pads'
    /// margin (see `init`).
    static let handleHalfThickness = 0.008 + 0.0015
    /// The XML's orientation: 90° about z.
    static let restingRotation = Quaternion(axis: SIMD3(0, 0, 1), angleRadians: .pi / 2)

    let body: BodyID
    let lidGeom: GeomID
    /// The handle below its bar, where the fingers grip.
    let handleGeom: GeomID
    let handleBarGeom: GeomID

    init(world: World, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: "top_link")
        definition.massKilograms = 0.25
        // MetaWorld's inertia (0.0018, 0.0014, 0.0011) about its principal axes, expressed in the
        // top_link frame (measured: its iquat permutes the axes).
        definition.principalInertia = SIMD3(0.001391, 0.00109, 0.001803)
        definition.centerOfMass = SIMD3(0, 0, 0.03128)
        definition.pose = Transform(position: SIMD3(0, 0.55, Self.slabBottomBelowTopLink), rotation: Self.restingRotation)
        body = try world.addBody(definition)
        let lidTop = 0.0058
        lidGeom = try world.addGeom(GeomDefinition(
            name: "boxtop_hull", shape: .box(halfExtents: SIMD3(0.1148, 0.1148, (lidTop + Self.slabBottomBelowTopLink) / 2)),
            body: body, pose: Transform(position: SIMD3(0, 0, (lidTop - Self.slabBottomBelowTopLink) / 2)),
            surface: surface, filter: CollisionGroups.objectFilter))
        // In the top_link frame the handle runs along local y (world x once turned). It is 1.6 cm
        // thick; fully closed, MuJoCo's pads leave a 1.77 cm gap and still grip it because their
        // contacts act from 1 mm away (pad geom margin 0.001, measured). ODE contacts need
        // touching geoms and our fully closed pads leave 1.8 cm, so the handle is 1.9 cm here:
        // the pads press on it before the claws reach the ends of their travel. Its top is the
        // bar, round as MuJoCo's hull is there: fingers that closed in the air (MetaWorld's
        // policy closes them 13 cm up) are wedged apart by it and slide down around the handle,
        // where a flat top would stop them.
        let barHalfLength = 0.058 - Self.handleHalfThickness
        handleGeom = try world.addGeom(GeomDefinition(
            name: "BoxHandleGeom", shape: .box(halfExtents: SIMD3(Self.handleHalfThickness, 0.058, (Self.barZ - Self.handleBottom) / 2)),
            body: body, pose: Transform(position: SIMD3(0, 0, (Self.barZ + Self.handleBottom) / 2)),
            surface: surface, filter: CollisionGroups.objectFilter))
        handleBarGeom = try world.addGeom(GeomDefinition(
            name: "BoxHandleBar", shape: .capsule(radius: Self.handleHalfThickness, halfLength: barHalfLength),
            body: body, pose: Transform(position: SIMD3(0, 0, Self.barZ), rotation: Quaternion(axis: SIMD3(1, 0, 0), angleRadians: .pi / 2)),
            surface: surface, filter: CollisionGroups.objectFilter))
    }

    /// Places the lid at rest in its XML orientation with `top_link` at `position`.
    func place(topLinkAt position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position, rotation: Self.restingRotation), of: body)
        world.setVelocity(of: body)
    }
}
