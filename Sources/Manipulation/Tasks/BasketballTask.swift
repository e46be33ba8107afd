import Physics
import TaskRewards

/// basketball-v3 (docs/tasks.md, 'basketball-v3'): pick up a 6 cm ball and hold it over the
/// hoop's ring. Layout: ball xyz (z about 0.03, its resting height; `objectInit` uses 0.03 as
/// MetaWorld does), hoop origin xyz; the target is the ring's centre, 25 cm up and 8.3 cm in
/// front of the hoop's origin.
public final class BasketballTask: TaskScene {
    public static let task = MetaWorldTask.basketball
    static let ballRadius = 0.03

    let ball: Ball
    let hoop: BasketballHoop
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { ball.geom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        ball = try Ball(world: world, name: "bsktball", radius: Self.ballRadius, massKilograms: 0.1, surface: surfaces.freeObject)
        hoop = try BasketballHoop(world: world, surface: surfaces.fixture)
    }

    public func place(layout v: [Double], world: World) {
        let hoopOrigin = SIMD3(v[3], v[4], v[5])
        hoop.place(at: hoopOrigin, in: world)
        goal = hoopOrigin + BasketballHoop.ringCenter
        // MetaWorld stores its 0.03 as float32.
        objectInit = SIMD3(v[0], v[1], Double(Float(0.03)))
        ball.place(at: SIMD3(v[0], v[1], v[2]), in: world)
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: ball.body) }
    /// MuJoCo's `xquat`, scalar first (w, x, y, z).
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = world.pose(of: ball.body).rotation
        return SIMD4(q.w, q.x, q.y, q.z)
    }
}
