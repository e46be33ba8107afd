import Physics

/// A task whose object is the shared `Puck` (reach, push, pick-place): the puck is the touched
/// geom and supplies the object point and quaternion, so these tasks differ only in their goal.
public protocol PuckTask: TaskScene {
    /// The task's puck.
    var puck: Puck { get }
}

extension PuckTask {
    public var mainObjectGeom: GeomID { puck.geom }
    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: puck.body) }
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: puck.body).rotation) }
}
