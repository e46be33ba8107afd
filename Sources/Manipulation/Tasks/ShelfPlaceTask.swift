import Physics
import TaskRewards

/// shelf-place-v3 (docs/tasks.md, 'The shelf'): lift a light cube from the table onto the upper
/// board of a bookcase, to within 7 cm of a goal 5 cm above the board. Layout: cube xyz (z its
/// resting height), goal xyz; the bookcase stands 0.3 m below the goal.
public final class ShelfPlaceTask: TaskScene {
    public static let task = MetaWorldTask.shelfPlace

    let cube: Cube
    let shelf: Shelf
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { cube.geom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        cube = try Cube(world: world, surface: surfaces.freeObject, settings: .shelfPlace)
        shelf = try Shelf(world: world, surface: surfaces.fixture)
    }

    public func place(layout v: [Double], world: World) {
        goal = SIMD3(v[3], v[4], v[5])
        shelf.place(at: goal - SIMD3(0, 0, 0.3), in: world)
        // MetaWorld keeps the cube's previous resting height (the settled 0.0199) for its z.
        objectInit = SIMD3(v[0], v[1], Cube.halfSide)
        cube.place(at: objectInit, in: world)
    }

    public func finishReset(world: World) { objectInit.z = world.position(of: cube.body).z }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: cube.body) }
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: cube.body).rotation) }
}
