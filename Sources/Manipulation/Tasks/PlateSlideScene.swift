import Physics
import TaskRewards

/// What the four plate-slide tasks share (docs/tasks.md, 'The plate family'): `PlateOnSlides`, the
/// cabinet facing the robot or turned, where the cabinet stands (at the goal, at the layout's
/// object point, or at its fixed model place: MetaWorld's side and back variants write their
/// cabinet position where the next forward pass overwrites it, so it never moves), and where
/// the plate starts. Layout: object xyz (fixed per task), goal xyz.
public class PlateSlideScene {
    enum CabinetPlace {
        case atGoal
        case atLayoutObject
        case fixed(SIMD3<Double>)
    }

    let plate: PlateOnSlides
    let cabinetPlace: CabinetPlace
    let startSlides: SIMD2<Double>
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { plate.plateGeom }

    init(world: World, surfaces: TaskSurfaces, facing: PlateOnSlides.Facing, cabinet: CabinetPlace, startSlides: SIMD2<Double>) throws {
        plate = try PlateOnSlides(world: world, surfaces: surfaces, facing: facing)
        cabinetPlace = cabinet
        self.startSlides = startSlides
    }

    public func place(layout v: [Double], world: World) {
        objectInit = SIMD3(v[0], v[1], v[2])  // MetaWorld's obj_init_pos: the layout's point
        goal = SIMD3(v[3], v[4], v[5])
        let cabinet: SIMD3<Double>
        switch cabinetPlace {
        case .atGoal: cabinet = goal
        case .atLayoutObject: cabinet = objectInit
        case .fixed(let position): cabinet = position
        }
        plate.place(cabinetAt: cabinet, slides: startSlides, in: world)
    }

    /// The plate's centre.
    public func objectPosition(world: World) -> SIMD3<Double> { plate.platePosition(in: world) }
    /// The plate never turns: (0, 0, 0, 1), scalar last.
    public func objectQuaternion(world: World) -> SIMD4<Double> { SIMD4(0, 0, 0, 1) }
    public var jointRanges: [TaskJointRange] { plate.jointRanges }
}

/// plate-slide-v3: push the plate from in front of the robot into the cabinet at the goal.
public final class PlateSlideTask: PlateSlideScene, TaskScene {
    public static let task = MetaWorldTask.plateSlide
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .front, cabinet: .atGoal, startSlides: .zero)
    }
}

/// plate-slide-side-v3: push the plate left into the turned cabinet at (−0.3, 0.6).
public final class PlateSlideSideTask: PlateSlideScene, TaskScene {
    public static let task = MetaWorldTask.plateSlideSide
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .side, cabinet: .fixed(SIMD3(-0.3, 0.6, 0)), startSlides: .zero)
    }
}

/// plate-slide-back-v3: pull the plate out of the cabinet at (0, 0.85) toward the robot.
public final class PlateSlideBackTask: PlateSlideScene, TaskScene {
    public static let task = MetaWorldTask.plateSlideBack
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .front, cabinet: .fixed(SIMD3(0, 0.85, 0)), startSlides: SIMD2(0, 0.15))
    }
}

/// plate-slide-back-side-v3: pull the plate out of the turned cabinet at (−0.25, 0.6) to the right.
public final class PlateSlideBackSideTask: PlateSlideScene, TaskScene {
    public static let task = MetaWorldTask.plateSlideBackSide
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .side, cabinet: .atLayoutObject, startSlides: SIMD2(-0.15, 0))
    }
}
