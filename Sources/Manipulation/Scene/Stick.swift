import Physics

/// The stick of stick-push and stick-pull (MetaWorld's `stick.xml`): a free 10 × 4 × 4 cm box of
/// 20 g lying along world x at reset; its body origin is the box centre and its `stick_end` site
/// the centre of its +x end face.
struct Stick {
    static let halfExtents = SIMD3<Double>(0.05, 0.02, 0.02)
    /// MetaWorld's `stick_end` site in the stick frame.
    static let end = SIMD3<Double>(0.05, 0, 0)

    let body: BodyID
    let geom: GeomID

    init(world: World, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: "stick")
        definition.massKilograms = 0.02
        definition.principalInertia = SIMD3(5.3e-6, 1.93e-5, 1.93e-5)
        definition.pose = Transform(position: SIMD3(-0.15, 0.75, Self.halfExtents.z))
        body = try world.addBody(definition)
        geom = try world.addGeom(GeomDefinition(
            name: "objGeom", shape: .box(halfExtents: Self.halfExtents), body: body,
            surface: surface, filter: CollisionGroups.objectFilter))
    }

    /// Places the stick level along world x, at rest, with its centre at `position`.
    func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }

    /// The `stick_end` site, world frame.
    func end(in world: World) -> SIMD3<Double> { world.pose(of: body).apply(Self.end) }
}
