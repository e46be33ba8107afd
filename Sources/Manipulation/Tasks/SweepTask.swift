import Physics
import TaskRewards

/// sweep-v3 (docs/tasks.md, 'The sweeps'): slide a 4 cm cube 40-60 cm to the right along the table,
/// to x 0.5 at its own starting y. Layout: the cube's body origin (its bottom face centre),
/// placed 2 cm above the table as MetaWorld does; it drops in the first steps.
public final class SweepTask: TaskScene {
    public static let task = MetaWorldTask.sweep
    static let goalX = 0.5
    static let goalZ = 0.01

    let cube: Cube
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { cube.geom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        cube = try Cube(world: world, surface: surfaces.freeObject, settings: .sweep)
    }

    public func place(layout v: [Double], world: World) {
        objectInit = SIMD3(v[0], v[1], v[2])
        cube.place(at: objectInit, in: world)
        goal = SIMD3(Self.goalX, v[1], Self.goalZ)
    }

    /// The body origin, the cube's bottom face centre.
    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: cube.body) }
    /// The body's orientation, scalar first (w, x, y, z).
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = world.pose(of: cube.body).rotation
        return SIMD4(q.w, q.x, q.y, q.z)
    }
}
