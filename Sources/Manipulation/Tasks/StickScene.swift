import Physics
import TaskRewards

/// What stick-push and stick-pull share (docs/tasks.md, 'The stick and the thermos'): a free
/// `Stick` (the touched geom, the object point obs[4:7] and its quaternion) and the `Thermos` on
/// its two slides, observed at obs[11:14]. Layout: stick xyz (z replaced by its resting 0.02),
/// goal xyz. MetaWorld's `obj_init_pos` is the thermos's base origin in both tasks; the rewards
/// read its `stick_init_pos` instead, which is what `objectInit` holds here.
public class StickScene {
    let stick: Stick
    let thermos: Thermos
    /// The thermos's slides at reset.
    let startSlides: SIMD2<Double>
    public private(set) var goal = SIMD3<Double>.zero
    /// The stick's centre as placed (MetaWorld's `stick_init_pos`, `RewardInputs.objectInit`).
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { stick.geom }

    init(world: World, surfaces: TaskSurfaces, startSlides: SIMD2<Double>) throws {
        stick = try Stick(world: world, surface: surfaces.freeObject)
        thermos = try Thermos(world: world, surface: surfaces.object)
        self.startSlides = startSlides
    }

    /// Places the stick and the thermos; the goal is the layout's x-y at `goalZ`.
    func place(layout v: [Double], goalZ: Double, world: World) {
        goal = SIMD3(v[3], v[4], goalZ)
        objectInit = SIMD3(v[0], v[1], Stick.halfExtents.z)
        stick.place(at: objectInit, in: world)
        thermos.place(slides: startSlides, in: world)
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: stick.body) }
    /// scipy's (x, y, z, w) from the body rotation, as MetaWorld reads it.
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: stick.body).rotation) }
    public var jointRanges: [TaskJointRange] { thermos.jointRanges }
}

/// stick-push-v3 (docs/tasks.md, 'stick-push-v3'): pick the stick up and push the thermos with it
/// 20 cm along +x until the thermos is within 12 cm of the goal, still holding the stick.
/// obs[11:14] is the thermos's axis at the handle's height.
public final class StickPushTask: StickScene, TaskScene {
    public static let task = MetaWorldTask.stickPush
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, startSlides: .zero)
    }
    public func place(layout v: [Double], world: World) {
        place(layout: v, goalZ: Thermos.insertion.z, world: world)
    }
    public func secondObjectPosition(world: World) -> SIMD3<Double> {
        thermos.insertion(in: world) + SIMD3(0, -Thermos.insertion.y, 0)
    }
}

/// stick-pull-v3 (docs/tasks.md, 'stick-pull-v3'): pick the stick up, hook it through the
/// thermos's handle loop and drag the thermos to a goal on the table. obs[11:14] is the handle
/// loop's centre.
public final class StickPullTask: StickScene, TaskScene {
    public static let task = MetaWorldTask.stickPull
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, startSlides: SIMD2(0, 0.09))
    }
    public func place(layout v: [Double], world: World) {
        place(layout: v, goalZ: Stick.halfExtents.z, world: world)
    }
    public func secondObjectPosition(world: World) -> SIMD3<Double> { thermos.insertion(in: world) }
    /// The stick's `stick_end` site (`RewardInputs.extra`): the reward's "inserted" test.
    public func extraPoint(world: World) -> SIMD3<Double> { stick.end(in: world) }
}
