import Physics
import TaskRewards

/// door-open-v3 (docs/tasks.md, 'door-open-v3'): swing the cabinet door open by its handle until
/// the handle is within 8 cm (in x) of the goal, about −1.38 rad. Layout: door body xyz; the door
/// starts closed and the goal is door + (−0.3, −0.45, 0).
public final class DoorOpenTask: TaskScene {
    public static let task = MetaWorldTask.doorOpen
    static let goalOffset = SIMD3<Double>(-0.3, -0.45, 0)

    let door: DoorCabinet
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { door.fixture.firstPartGeom }

    public init(world: World, surfaces: TaskSurfaces) throws { door = try DoorCabinet(world: world, surfaces: surfaces) }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        door.fixture.place(at: position, jointPosition: 0, in: world)
        goal = position + Self.goalOffset
    }

    public func finishReset(world: World) { objectInit = objectPosition(world: world) }

    /// The handle mesh centre (MetaWorld's `_get_pos_objects`).
    public func objectPosition(world: World) -> SIMD3<Double> { door.handleCenter(in: world) }
    /// The handle geom's orientation, scalar last (x, y, z, w) as MetaWorld's scipy conversion.
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(door.handleRotation(in: world)) }
    /// The hinge angle θ the reward reads (rad, negative = open).
    public func jointPosition(world: World) -> Double { door.angle(in: world) }
}
