import Physics
import TaskRewards

/// pick-place-v3 (docs/tasks.md, 'pick-place-v3'): grasp the puck and bring it within 7 cm of a
/// goal in the air.
/// Layout: puck xyz, goal xyz.
public final class PickPlaceTask: PuckTask {
    public static let task = MetaWorldTask.pickPlace

    public let puck: Puck
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero

    public init(world: World, surfaces: TaskSurfaces) throws { puck = try Puck(world: world, surface: surfaces.freeObject) }

    public func place(layout v: [Double], world: World) {
        objectInit = puck.place(layout: v, in: world)
        goal = SIMD3(v[3], v[4], v[5])
    }
}
