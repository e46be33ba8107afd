import Physics

/// MetaWorld's 4 cm cube (box half 0.02), which several MT50 tasks use with different settings
/// (docs/tasks.md, 'The puck and wall family'): its mass, its friction and whether its rotation
/// is locked (MetaWorld's 1e5 kg·m² inertia, as the peg's) vary by task.
public struct Cube {
    public static let halfSide = 0.02

    /// The settings a task gives its cube.
    public struct Settings: Sendable {
        public var massKilograms: Double
        /// Slide friction (MetaWorld's first friction coefficient).
        public var friction: Double
        /// MetaWorld's inertia of 1e5 kg·m² per axis: the cube practically cannot rotate.
        public var rotationLocked: Bool
        /// Whether the body origin is the cube's bottom face centre (sweep) rather than its centre.
        public var originAtBottom = false

        /// push-back's cube: 0.75 kg, friction 2, rotation locked.
        public static let pushBack = Settings(massKilograms: 0.75, friction: 2, rotationLocked: true)
        /// shelf-place's cube: 0.01 kg, friction 2, rotation locked.
        public static let shelfPlace = Settings(massKilograms: 0.01, friction: 2, rotationLocked: true)
        /// sweep's cube: 0.1 kg, friction 1, free to turn, its origin at its bottom face.
        public static let sweep = Settings(massKilograms: 0.1, friction: 1, rotationLocked: false, originAtBottom: true)
        /// bin-picking's cube: 0.1 kg, friction 1, free to turn.
        public static let binPicking = Settings(massKilograms: 0.1, friction: 1, rotationLocked: false)
    }

    public let body: BodyID
    public let geom: GeomID

    public init(world: World, surface: SurfaceParameters, settings: Settings) throws {
        var definition = BodyDefinition(name: "obj")
        definition.massKilograms = settings.massKilograms
        // Unlocked: a solid cube's own inertia, m·(2a)²/6.
        let solid = settings.massKilograms * (2 * Self.halfSide) * (2 * Self.halfSide) / 6
        definition.principalInertia = SIMD3(repeating: settings.rotationLocked ? 1e5 : solid)
        let center = SIMD3(0, 0, settings.originAtBottom ? Self.halfSide : 0)
        definition.centerOfMass = center
        definition.pose = Transform(position: SIMD3(0, 0.6, settings.originAtBottom ? 0 : Self.halfSide))
        body = try world.addBody(definition)
        var cubeSurface = surface
        cubeSurface.friction = settings.friction
        geom = try world.addGeom(GeomDefinition(
            name: "objGeom", shape: .box(halfExtents: SIMD3(repeating: Self.halfSide)), body: body,
            pose: Transform(position: center), surface: cubeSurface, filter: CollisionGroups.objectFilter))
    }

    /// Places the cube level, at rest, with its body origin at `position`.
    public func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }
}
