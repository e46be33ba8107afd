import Physics
import TaskRewards

/// What door-lock and door-unlock share (docs/tasks.md, 'The door family'): the
/// `LockedDoorCabinet`, the lever's start angle, the site the observation reports and the goal's
/// offset from the lever's hinge. Layout: the door body position.
public class LockedDoorScene {
    let cabinet: LockedDoorCabinet
    let startAngle: Double
    let observedSite: SIMD3<Double>
    let goalOffset: SIMD3<Double>
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { cabinet.fixture.firstPartGeom }

    init(world: World, surfaces: TaskSurfaces, startAngle: Double, observedSite: SIMD3<Double>, goalOffset: SIMD3<Double>) throws {
        cabinet = try LockedDoorCabinet(world: world, surfaces: surfaces)
        self.startAngle = startAngle
        self.observedSite = observedSite
        self.goalOffset = goalOffset
    }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        cabinet.fixture.place(at: position, jointPosition: startAngle, in: world)
        // MetaWorld's obj_init_pos is the lever's hinge point (`lock_link`), which never moves.
        objectInit = position + LockedDoorCabinet.lockOffset
        goal = objectInit + goalOffset
    }

    public func objectPosition(world: World) -> SIMD3<Double> { cabinet.site(observedSite, in: world) }
    /// MetaWorld reports the welded leaf's orientation: always (1, 0, 0, 0), scalar first.
    public func objectQuaternion(world: World) -> SIMD4<Double> { SIMD4(1, 0, 0, 0) }
    public func jointPosition(world: World) -> Double { cabinet.angle(in: world) }

    public var jointRanges: [TaskJointRange] {
        [TaskJointRange(name: "lock_joint", joint: cabinet.fixture.joint, range: LockedDoorCabinet.leverRange,
                        softness: LockedDoorCabinet.stopSoftness)]
    }
}

/// door-lock-v3: turn the lever down until the lockStartLock site is within 2 cm (in z) of the
/// goal 10 cm below the hinge (the lever at 1.19 rad or more).
public final class DoorLockTask: LockedDoorScene, TaskScene {
    public static let task = MetaWorldTask.doorLock
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, startAngle: 0, observedSite: LockedDoorCabinet.lockStartLock,
                       goalOffset: SIMD3(0, -0.04, -0.1))
    }
}

/// door-unlock-v3: the lever starts down (π/2); lift it until the lockStartUnlock site is within
/// 2 cm (in x) of the goal 10 cm right of the hinge (the lever at 0.377 rad or less).
public final class DoorUnlockTask: LockedDoorScene, TaskScene {
    public static let task = MetaWorldTask.doorUnlock
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, startAngle: 1.5708, observedSite: LockedDoorCabinet.lockStartUnlock,
                       goalOffset: SIMD3(0.1, -0.04, 0))
    }
}
