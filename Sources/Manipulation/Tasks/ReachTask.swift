import Physics
import TaskRewards

/// reach-v3 (spec 8.1): move the fingertips within 5 cm of a goal in the air; the puck is
/// collidable but plays no part in the reward. Layout: puck xyz, goal xyz.
public final class ReachTask: TaskScene {
    public static let task = MT10Task.reach

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
