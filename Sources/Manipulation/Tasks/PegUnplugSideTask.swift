import Physics
import TaskRewards

/// peg-unplug-side-v3 (docs/tasks.md, 'peg-unplug-side-v3'): pull a plug sideways (+x) out of a
/// hole in a wall, its end 15 cm out to the goal (success once it is within 7 cm, i.e. pulled about
/// 4 cm). Layout: the wall's origin xyz; the plug sits in it at + (0.044, 0, 0.131), the goal
/// 15 cm further along +x. Object point the plug's `pegEnd` site.
public final class PegUnplugSideTask: TaskScene {
    public static let task = MetaWorldTask.pegUnplugSide
    static let goalOffset = SIMD3<Double>(0.15, 0, 0)

    let fixture: PluggedWall
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    /// The plug's box, where the fingers hold it.
    public var mainObjectGeom: GeomID { fixture.plugGeoms[2] }

    public init(world: World, surfaces: TaskSurfaces) throws {
        fixture = try PluggedWall(world: world, surfaces: surfaces)
    }

    public func place(layout v: [Double], world: World) {
        let wall = SIMD3(v[0], v[1], v[2])
        fixture.place(wallAt: wall, in: world)
        goal = wall + PluggedWall.plugOffset + Self.goalOffset
        // MetaWorld reads pegEnd right after placing the plug.
        objectInit = wall + PluggedWall.plugOffset + PluggedWall.pegEnd
    }

    public func didStep(world: World, stepCount: Int) { fixture.releaseIfOut(in: world) }

    public func objectPosition(world: World) -> SIMD3<Double> { fixture.pegEnd(in: world) }
    /// MuJoCo's `xquat` of plug1, scalar first (w, x, y, z).
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = world.pose(of: fixture.plug).rotation
        return SIMD4(q.w, q.x, q.y, q.z)
    }
}
