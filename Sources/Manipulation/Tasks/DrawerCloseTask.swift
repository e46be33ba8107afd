import Physics
import TaskRewards

/// drawer-close-v3 (docs/tasks.md, 'drawer-close-v3'): push the drawer, pulled out to −0.15 m,
/// shut. Layout: the case's `drawer_pos`; the goal is the closed handle point (observed point minus
/// its 5 cm lift).
public final class DrawerCloseTask: TaskScene {
    public static let task = MetaWorldTask.drawerClose
    /// Where the drawer starts (m): MetaWorld's `qpos` of the slide at reset.
    public static let startSlide = -0.15
    /// MetaWorld observes a point 5 cm above drawer-open's handle point.
    static let observedPoint = DrawerCase.handlePoint + SIMD3(0, 0, 0.05)

    let drawer: DrawerCase
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { drawer.handleBar }

    public init(world: World, surfaces: TaskSurfaces) throws { drawer = try DrawerCase(world: world, surfaces: surfaces) }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        drawer.place(at: position, slide: Self.startSlide, in: world)
        goal = position + SIMD3(0, -0.16, 0.09)
    }

    /// `obj_init_pos` is the observed point with the drawer pulled out, after the settle.
    public func finishReset(world: World) { objectInit = objectPosition(world: world) }

    public func objectPosition(world: World) -> SIMD3<Double> {
        drawer.drawerPose(in: world).position + Self.observedPoint
    }

    /// MetaWorld's drawer-close observes no orientation: zeros.
    public func objectQuaternion(world: World) -> SIMD4<Double> { .zero }

    public func jointPosition(world: World) -> Double { drawer.slide(in: world) }
}
