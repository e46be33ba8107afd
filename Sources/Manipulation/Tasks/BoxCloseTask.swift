import Physics
import TaskRewards

/// box-close-v3 (docs/tasks.md, 'box-close-v3'): pick a lid up by its handle and put it on an
/// open box 15-30 cm further on. Layout: the lid's free-joint origin (x, y, z 0.02: the lid is
/// dropped 7.9 cm and has landed by the first observation), the target (x, y, 0.133), 13.3 cm
/// over the box's origin; the box stands at the target's x-y on the table.
public final class BoxCloseTask: TaskScene {
    public static let task = MetaWorldTask.boxClose

    let lid: BoxLid
    let box: Bin
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    /// The handle: what the fingers touch when they hold the lid.
    public var mainObjectGeom: GeomID { lid.handleGeom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        lid = try BoxLid(world: world, surface: surfaces.freeObject)
        box = try Bin(world: world, name: "boxbody", at: SIMD3(0, 0.75, 0), surface: surfaces.fixture)
    }

    public func place(layout v: [Double], world: World) {
        goal = SIMD3(v[3], v[4], v[5])
        box.place(at: SIMD3(goal.x, goal.y, 0), in: world)
        objectInit = SIMD3(v[0], v[1], v[2])
        // MetaWorld leaves the lid's orientation as the last episode left it (within 0.1° of the
        // XML's); here every episode starts from the XML's exactly.
        lid.place(topLinkAt: objectInit + SIMD3(0, 0, BoxLid.topLinkAboveJointOrigin), in: world)
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: lid.body) }
    /// MuJoCo's `xquat` of top_link, scalar first (w, x, y, z): (0.707, 0, 0, 0.707) when level.
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = world.pose(of: lid.body).rotation
        return SIMD4(q.w, q.x, q.y, q.z)
    }
}
