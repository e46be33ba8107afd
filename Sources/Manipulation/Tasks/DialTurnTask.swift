import Foundation
import Physics
import TaskRewards

/// dial-turn-v3 (docs/tasks.md, 'The dial'): turn the dial a quarter turn or more, either way.
/// Layout: the dial's position; the goal is dial + (0, 0.03, 0.03). The observed point is
/// MetaWorld's, computed from the angle: the rim point that starts on the robot's side, at the
/// table's height.
public final class DialTurnTask: TaskScene {
    public static let task = MetaWorldTask.dialTurn
    static let goalOffset = SIMD3<Double>(0, 0.03, 0.03)
    static let radius = 0.05

    let dial: Dial
    var center = SIMD3<Double>.zero
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { dial.fixture.firstPartGeom }

    public init(world: World, surfaces: TaskSurfaces) throws { dial = try Dial(world: world, surfaces: surfaces) }

    public func place(layout v: [Double], world: World) {
        center = SIMD3(v[0], v[1], v[2])
        dial.fixture.place(at: center, jointPosition: 0, in: world)
        goal = center + Self.goalOffset
        // MetaWorld's `dial_push_position` at reset, where its reward wants the TCP.
        objectInit = center + SIMD3(0, -Self.radius, 0) + DialTurnReward.pushOffset
    }

    public func objectPosition(world: World) -> SIMD3<Double> {
        let q = dial.angle(in: world)
        return center + Self.radius * SIMD3(sin(q), -cos(q), 0)
    }

    /// The static dial body's orientation: (1, 0, 0, 0), scalar first.
    public func objectQuaternion(world: World) -> SIMD4<Double> { SIMD4(1, 0, 0, 0) }
    public func jointPosition(world: World) -> Double { dial.angle(in: world) }
    public var jointRanges: [TaskJointRange] { dial.jointRanges }
}
