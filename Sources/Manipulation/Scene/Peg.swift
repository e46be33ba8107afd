import Physics

/// The peg of peg-insert-side (docs/tasks.md, 'peg-insert-side-v3'): a 0.24 × 0.03 × 0.03 m box
/// lying along world x, 0.1 kg, with MetaWorld's absurd inertia (1e5 kg·m² per axis) so that it
/// practically cannot rotate.
///
/// Its free joint's damping (0.005) is left out: on a 0.1 kg body it removes 5 % of the velocity
/// per second, far below what contacts and the grasp do, and ODE bodies have no joint to hang it on.
public struct Peg {
    public static let halfExtents = SIMD3<Double>(0.12, 0.015, 0.015)
    /// Sites in the body frame: the head enters the hole, the grasp site is obs[4:7].
    public static let headSite = SIMD3<Double>(-0.1, 0, 0)
    public static let endSite = SIMD3<Double>(0.1, 0, 0)
    public static let graspSite = SIMD3<Double>(0.03, 0, 0.01)
    public static let massKilograms = 0.1
    /// MetaWorld's peg geom friction (2, 0.1, 0.002): twice the other objects'.
    public static let friction = 2.0

    public let body: BodyID
    public let geom: GeomID

    public init(world: World, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: "peg")
        definition.massKilograms = Self.massKilograms
        definition.principalInertia = SIMD3(repeating: 1e5)
        definition.pose = Transform(position: SIMD3(0, 0.6, 0.03))
        body = try world.addBody(definition)
        var pegSurface = surface
        pegSurface.friction = Self.friction
        geom = try world.addGeom(GeomDefinition(
            name: "peg", shape: .box(halfExtents: Self.halfExtents), body: body,
            surface: pegSurface, filter: CollisionGroups.objectFilter))
    }

    /// Places the peg level, at rest, with its body origin (its centre) at `position`.
    public func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }
}
