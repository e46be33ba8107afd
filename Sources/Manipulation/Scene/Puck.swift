import Physics

/// The 4 cm × 4 cm puck of reach, push and pick-place (docs/tasks.md, 'reach-v3'): a free
/// cylinder of 0.75 kg. push-wall and pick-place-wall use it unchanged; reach-wall a wider,
/// flatter one of the same mass (`reachWallRadius`, `reachWallHalfHeight`).
public struct Puck {
    public static let radius = 0.02
    public static let halfHeight = 0.02
    /// reach-wall's puck: 6 cm wide, 3 cm tall.
    public static let reachWallRadius = 0.03
    public static let reachWallHalfHeight = 0.015
    public let body: BodyID
    public let geom: GeomID
    /// This puck's half height (m): its centre's height when it rests on the table.
    public let halfHeight: Double

    /// `massKilograms` / `rotationLocked`: pick-out-of-hole's is a 10 g cylinder that cannot
    /// turn (MetaWorld's inertia of 1e5 kg·m²).
    public init(world: World, surface: SurfaceParameters, radius: Double = Puck.radius, halfHeight: Double = Puck.halfHeight,
                massKilograms: Double = 0.75, rotationLocked: Bool = false) throws {
        var definition = BodyDefinition(name: "obj")
        definition.massKilograms = massKilograms
        definition.principalInertia = SIMD3(repeating: rotationLocked ? 1e5 : 8.8e-4)
        definition.pose = Transform(position: SIMD3(0, 0.6, halfHeight))
        body = try world.addBody(definition)
        geom = try world.addGeom(GeomDefinition(
            name: "objGeom", shape: .cylinder(radius: radius, halfLength: halfHeight), body: body,
            surface: surface, filter: CollisionGroups.objectFilter))
        self.halfHeight = halfHeight
    }

    /// Places the puck upright at rest with its centre at `position`.
    public func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }

    /// Places the puck as `place(at:in:)` at the layout's first three entries (puck x, y, z, the
    /// layout of every puck task) and returns that position.
    public func place(layout: [Double], in world: World) -> SIMD3<Double> {
        let position = SIMD3(layout[0], layout[1], layout[2])
        place(at: position, in: world)
        return position
    }
}
