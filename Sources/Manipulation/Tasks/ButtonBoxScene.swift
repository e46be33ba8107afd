import Physics
import TaskRewards

/// What the four button tasks share (docs/tasks.md, 'The button box family'): one `ButtonBox`,
/// facing up or toward the robot, and for the -wall tasks a fixed wall. Layout: the box
/// position; the goal is the box's hole site; the observed point is the cap's outer face.
/// Each task is a subclass naming its MetaWorld task, facing and wall.
public class ButtonBoxScene {
    let box: ButtonBox
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { box.cap }

    /// `wallY`: where the wall of a -wall task stands (its centre's y), nil without one.
    init(world: World, surfaces: TaskSurfaces, facing: ButtonBox.Facing, wallY: Double?) throws {
        box = try ButtonBox(world: world, surfaces: surfaces, facing: facing)
        if let wallY { try StaticWall.buttonWall(in: world, y: wallY, surface: surfaces.fixture) }
    }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        box.place(at: position, in: world)
        goal = position + box.hole
        objectInit = position + box.capFace
    }

    public func finishReset(world: World) { objectInit = objectPosition(world: world) }

    /// The cap's outer face centre: MetaWorld's button body + (0, 0, 0.193) facing up,
    /// + (0, −0.193, 0) facing the robot.
    public func objectPosition(world: World) -> SIMD3<Double> { box.buttonPose(in: world).position + box.capFace }

    /// MuJoCo's `xquat` of the button, scalar first (w, x, y, z): ≈ (0.7071, −0.7071, 0, 0)
    /// facing up, (1, 0, 0, 0) facing the robot.
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = box.buttonPose(in: world).rotation * box.buttonFrameTurn
        return SIMD4(q.w, q.x, q.y, q.z)
    }

    public func jointPosition(world: World) -> Double { box.slide(in: world) }

    public var jointRanges: [TaskJointRange] { box.jointRanges }
}

/// button-press-topdown-v3 (MT10; docs/tasks.md, 'button-press-topdown-v3'): press the button
/// down from above. The goal is the hole site 0.1 m above the box position.
public final class ButtonPressTopdownTask: ButtonBoxScene, TaskScene {
    public static let task = MetaWorldTask.buttonPressTopdown
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .up, wallY: nil)
    }
}

/// button-press-topdown-wall-v3: the topdown press with a wall (x 0-0.2, y 0.69-0.71, 15 cm
/// high) in front of the box, which the hand, coming from y 0.4 at z 0.2, passes over.
public final class ButtonPressTopdownWallTask: ButtonBoxScene, TaskScene {
    public static let task = MetaWorldTask.buttonPressTopdownWall
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .up, wallY: 0.7)
    }
}

/// button-press-v3: push the button of a box facing the robot into the box, along +y. The goal
/// is the hole site 0.1 m in front of the box position.
public final class ButtonPressTask: ButtonBoxScene, TaskScene {
    public static let task = MetaWorldTask.buttonPress
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .front, wallY: nil)
    }
}

/// button-press-wall-v3: button-press with a wall (x 0-0.2, y 0.59-0.61, 15 cm high) standing
/// 5-10 cm in front of the cap on its +x side, blocking a straight approach from the right at
/// button height.
public final class ButtonPressWallTask: ButtonBoxScene, TaskScene {
    public static let task = MetaWorldTask.buttonPressWall
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, facing: .front, wallY: 0.6)
    }
}
