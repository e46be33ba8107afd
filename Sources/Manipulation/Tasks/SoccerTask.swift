import Physics
import TaskRewards

/// soccer-v3 (docs/tasks.md, 'soccer-v3'): push a 5.2 cm ball along the table into a goal 15-30
/// cm further on. Layout: ball xyz (z 0.03, 4 mm above its resting height: it drops in the first
/// steps), goal origin xyz (on the table, 6.4 cm behind the mouth); the goal origin is the
/// target.
public final class SoccerTask: TaskScene {
    public static let task = MetaWorldTask.soccer
    static let ballRadius = 0.026

    let ball: Ball
    let soccerGoal: SoccerGoal
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { ball.geom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        ball = try Ball(world: world, name: "soccer_ball", radius: Self.ballRadius, massKilograms: 0.04, surface: surfaces.freeObject)
        soccerGoal = try SoccerGoal(world: world, surface: surfaces.fixture)
    }

    public func place(layout v: [Double], world: World) {
        goal = SIMD3(v[3], v[4], v[5])
        soccerGoal.place(at: goal, in: world)
        objectInit = SIMD3(v[0], v[1], v[2])
        ball.place(at: objectInit, in: world)
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: ball.body) }
    /// scipy's (x, y, z, w) from the body rotation, as MetaWorld reads it.
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: ball.body).rotation) }
}
