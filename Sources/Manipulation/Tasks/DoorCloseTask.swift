import Physics
import TaskRewards

/// door-close-v3 (docs/tasks.md, 'The door family'): swing the open door of door-open's cabinet
/// shut until its handle is within 8 cm of the goal (the hinge about −0.18 rad from closed).
/// Layout: door body xyz; the door starts open at −π/2 and the goal is door + (0.2, −0.2, 0).
public final class DoorCloseTask: TaskScene {
    public static let task = MetaWorldTask.doorClose
    static let goalOffset = SIMD3<Double>(0.2, -0.2, 0)
    /// MetaWorld sets the hinge to −1.5708 after placing the door.
    static let startAngle = -1.5708

    let door: DoorCabinet
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { door.fixture.firstPartGeom }

    public init(world: World, surfaces: TaskSurfaces) throws { door = try DoorCabinet(world: world, surfaces: surfaces) }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        door.fixture.place(at: position, jointPosition: Self.startAngle, in: world)
        goal = position + Self.goalOffset
        // MetaWorld's obj_init_pos here is the door body, not the handle: the in-place margin is
        // ‖door − goal‖ = 0.2828 for every layout.
        objectInit = position
    }

    /// The handle mesh centre (MetaWorld's `_get_pos_objects`).
    public func objectPosition(world: World) -> SIMD3<Double> { door.handleCenter(in: world) }
    /// The handle geom's orientation, scalar last (x, y, z, w).
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(door.handleRotation(in: world)) }
    /// The hinge angle (rad, negative = open); not read by the reward.
    public func jointPosition(world: World) -> Double { door.angle(in: world) }

    public var jointRanges: [TaskJointRange] {
        [TaskJointRange(name: "doorjoint", joint: door.fixture.joint, range: DoorCabinet.openingRange,
                        softness: ArticulatedFixture.hingeStopSoftness)]
    }
}
