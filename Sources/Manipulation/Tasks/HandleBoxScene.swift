import Physics
import TaskRewards

/// What the four handle tasks share (docs/tasks.md, 'The handle box family'): one `HandleBox`
/// facing the robot or turned to the side, the slide's start (−0.001 to press, −0.1 to pull),
/// the observed handle site and the goal site. Layout: the box position.
public class HandleBoxScene {
    let box: HandleBox
    let startSlide: Double
    let observedSite: SIMD3<Double>
    let goalSite: SIMD3<Double>
    /// What MetaWorld calls obj_init_pos for the task.
    enum ObjectInit { case boxPosition, observedSiteAtReset }
    let objectInitRule: ObjectInit
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { box.grip }

    init(world: World, surfaces: TaskSurfaces, facing: HandleBox.Facing, startSlide: Double,
         observedSite: SIMD3<Double>, goalSite: SIMD3<Double>, objectInit: ObjectInit) throws {
        box = try HandleBox(world: world, surfaces: surfaces, facing: facing)
        self.startSlide = startSlide
        self.observedSite = observedSite
        self.goalSite = goalSite
        objectInitRule = objectInit
    }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        box.place(at: position, slide: startSlide, in: world)
        goal = box.fixtureSite(goalSite, boxAt: position)
        objectInit = position
    }

    public func finishReset(world: World) {
        if objectInitRule == .observedSiteAtReset { objectInit = objectPosition(world: world) }
    }

    public func objectPosition(world: World) -> SIMD3<Double> { box.site(observedSite, in: world) }
    /// MetaWorld reports zeros for the handle tasks' quaternion.
    public func objectQuaternion(world: World) -> SIMD4<Double> { .zero }
    public func jointPosition(world: World) -> Double { box.slide(in: world) }
    public var jointRanges: [TaskJointRange] { box.jointRanges }
}

/// handle-press-v3: press the handle down until the top of its grip is within 2 cm of the press
/// goal (the slide at −0.077 or lower).
public final class HandlePressTask: HandleBoxScene, TaskScene {
    public static let task = MetaWorldTask.handlePress
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .front, startSlide: -0.001,
                       observedSite: HandleBox.handleStart, goalSite: HandleBox.goalPress, objectInit: .observedSiteAtReset)
    }
}

/// handle-press-side-v3: handle-press with the box turned to the side, left of the robot.
public final class HandlePressSideTask: HandleBoxScene, TaskScene {
    public static let task = MetaWorldTask.handlePressSide
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .side, startSlide: -0.001,
                       observedSite: HandleBox.handleStart, goalSite: HandleBox.goalPress, objectInit: .observedSiteAtReset)
    }
}

/// handle-pull-v3: the handle starts down (−0.1); lift it until the observed point 5 cm right of
/// the grip centre is within 5 cm (in z) of the pull goal (the slide at −0.042 or higher).
public final class HandlePullTask: HandleBoxScene, TaskScene {
    public static let task = MetaWorldTask.handlePull
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .front, startSlide: -0.1,
                       observedSite: HandleBox.handleRight, goalSite: HandleBox.goalPull, objectInit: .boxPosition)
    }
}

/// handle-pull-side-v3: the turned box; lift the handle until its centre point is within 8 cm of
/// the pull goal (the slide at −0.0435 or higher).
public final class HandlePullSideTask: HandleBoxScene, TaskScene {
    public static let task = MetaWorldTask.handlePullSide
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .side, startSlide: -0.1,
                       observedSite: HandleBox.handleCenter, goalSite: HandleBox.goalPull, objectInit: .observedSiteAtReset)
    }
}
