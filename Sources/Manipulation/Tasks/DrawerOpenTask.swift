import Physics
import TaskRewards

/// drawer-open-v3 (docs/tasks.md, 'drawer-open-v3'): pull the closed drawer out by its handle.
/// Layout: the case's `drawer_pos`; the goal lies 0.19 m in front of the closed handle point.
public final class DrawerOpenTask: TaskScene {
    public static let task = MetaWorldTask.drawerOpen

    let drawer: DrawerCase
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { drawer.handleBar }

    public init(world: World, surfaces: TaskSurfaces) throws { drawer = try DrawerCase(world: world, surfaces: surfaces) }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        drawer.place(at: position, slide: 0, in: world)
        goal = position + SIMD3(0, -0.36, 0.09)
        objectInit = position + DrawerCase.drawerOffset + DrawerCase.handlePoint
    }

    public func objectPosition(world: World) -> SIMD3<Double> {
        drawer.drawerPose(in: world).position + DrawerCase.handlePoint
    }

    /// MuJoCo's `xquat` of the drawer, scalar first (w, x, y, z).
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = drawer.drawerPose(in: world).rotation
        return SIMD4(q.w, q.x, q.y, q.z)
    }

    public func jointPosition(world: World) -> Double { drawer.slide(in: world) }
}
