import Physics
import TaskRewards

/// push-back-v3 (docs/tasks.md, 'The puck and wall family'): bring a heavy, high-friction cube
/// 10-25 cm back toward the robot along the table. Layout: cube xyz, goal xyz; both z become the
/// cube's settled height, as push-v3 does with the puck.
public final class PushBackTask: TaskScene {
    public static let task = MetaWorldTask.pushBack

    let cube: Cube
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { cube.geom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        cube = try Cube(world: world, surface: surfaces.freeObject, settings: .pushBack)
    }

    public func place(layout v: [Double], world: World) {
        objectInit = SIMD3(v[0], v[1], v[2])
        cube.place(at: objectInit, in: world)
        goal = SIMD3(v[3], v[4], v[2])
    }

    public func finishReset(world: World) {
        let settled = world.position(of: cube.body).z
        goal.z = settled
        objectInit.z = settled
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: cube.body) }
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: cube.body).rotation) }
}
