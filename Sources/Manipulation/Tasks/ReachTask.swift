import Physics
import TaskRewards

/// reach-v3 (docs/tasks.md, 'reach-v3'): move the fingertips within 5 cm of a goal in the air; the
/// puck is collidable but plays no part in the reward. Layout: puck xyz, goal xyz.
public final class ReachTask: PuckTask {
    public static let task = MetaWorldTask.reach

    public let puck: Puck
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero

    public init(world: World, surfaces: TaskSurfaces) throws { puck = try Puck(world: world, surface: surfaces.freeObject) }

    public func place(layout v: [Double], world: World) {
        objectInit = puck.place(layout: v, in: world)
        goal = SIMD3(v[3], v[4], v[5])
    }
}
