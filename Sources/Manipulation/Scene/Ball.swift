import Physics

/// A free solid ball (soccer's 5.2 cm, 40 g soccer ball; basketball's 6 cm, 100 g ball): a
/// sphere with a solid sphere's inertia that rolls freely on the table (MetaWorld gives both no
/// rolling friction).
public struct Ball {
    public let body: BodyID
    public let geom: GeomID
    public let radius: Double

    public init(world: World, name: String, radius: Double, massKilograms: Double, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: name)
        definition.massKilograms = massKilograms
        definition.principalInertia = SIMD3(repeating: 0.4 * massKilograms * radius * radius)
        definition.pose = Transform(position: SIMD3(0, 0.6, radius))
        body = try world.addBody(definition)
        geom = try world.addGeom(GeomDefinition(
            name: "objGeom", shape: .sphere(radius: radius), body: body,
            surface: surface, filter: CollisionGroups.objectFilter))
        self.radius = radius
    }

    /// Places the ball at rest, unrotated, with its centre at `position`.
    public func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }
}
