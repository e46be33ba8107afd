import Physics
import TaskRewards

/// push-v3 (docs/tasks.md, 'push-v3'): push the puck along the table to within 5 cm of the goal.
/// Layout: puck xyz, goal xyz; both z are replaced by the puck's settled height, as in MetaWorld.
public final class PushTask: PuckTask {
    public static let task = MetaWorldTask.push

    public let puck: Puck
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero

    public init(world: World, surfaces: TaskSurfaces) throws { puck = try Puck(world: world, surface: surfaces.freeObject) }

    public func place(layout v: [Double], world: World) {
        objectInit = puck.place(layout: v, in: world)
        goal = SIMD3(v[3], v[4], v[2])
    }

    public func finishReset(world: World) {
        let settled = world.position(of: puck.body).z
        goal.z = settled
        objectInit.z = settled
    }
}
