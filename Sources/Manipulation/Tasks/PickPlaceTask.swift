import Physics
import TaskRewards

/// pick-place-v3 (spec 8.3): grasp the puck and bring it within 7 cm of a goal in the air.
/// Layout: puck xyz, goal xyz.
public final class PickPlaceTask: TaskScene {
    public static let task = MT10Task.pickPlace

    let puck: Puck
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { puck.geom }

    public init(world: World, surfaces: TaskSurfaces) throws { puck = try Puck(world: world, surface: surfaces.object) }

    public func place(layout v: [Double], world: World) {
        objectInit = SIMD3(v[0], v[1], v[2])
        puck.place(at: objectInit, in: world)
        goal = SIMD3(v[3], v[4], v[5])
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: puck.body) }
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: puck.body).rotation) }
}
