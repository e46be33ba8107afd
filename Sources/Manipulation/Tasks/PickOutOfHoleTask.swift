import Physics
import TaskRewards

/// pick-out-of-hole-v3 (docs/tasks.md, 'Pick out of hole'): a 10 g cylinder stands in a 30 × 30 cm,
/// 5.4 cm deep hole of a raised frame on the table; lift it out to a goal in the air above the
/// frame's front part. Layout: object xyz (fixed, in the hole), goal xyz.
public final class PickOutOfHoleTask: TaskScene {
    public static let task = MetaWorldTask.pickOutOfHole

    let puck: Puck
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { puck.geom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        puck = try Puck(world: world, surface: surfaces.freeObject, massKilograms: 0.01, rotationLocked: true)
        // The raised frame: front, back and two sides, all 5.4 cm tall, round the hole
        // x ∈ [−0.15, 0.15], y ∈ [0.65, 0.95]. (MetaWorld makes its contacts stiffer and
        // under-damped, solref (0.005, 0.1); ours are the scenery's.)
        let frame: [(String, SIMD3<Double>, SIMD3<Double>)] = [
            ("hole_front", SIMD3(0, 0.425, 0.027), SIMD3(0.7, 0.225, 0.027)),
            ("hole_back", SIMD3(0, 0.975, 0.027), SIMD3(0.15, 0.025, 0.027)),
            ("hole_left", SIMD3(-0.425, 0.825, 0.027), SIMD3(0.275, 0.175, 0.027)),
            ("hole_right", SIMD3(0.425, 0.825, 0.027), SIMD3(0.275, 0.175, 0.027)),
        ]
        for (name, center, half) in frame {
            try StaticWall.build(in: world, name: name, center: center, halfExtents: half, surface: surfaces.fixture)
        }
    }

    public func place(layout v: [Double], world: World) {
        objectInit = puck.place(layout: v, in: world)
        goal = SIMD3(v[3], v[4], v[5])
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: puck.body) }
    /// The body's orientation, scalar first (w, x, y, z).
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = world.pose(of: puck.body).rotation
        return SIMD4(q.w, q.x, q.y, q.z)
    }
}
