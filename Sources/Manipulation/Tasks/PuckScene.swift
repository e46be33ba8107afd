import Physics
import TaskRewards

/// What the puck tasks share (docs/tasks.md, 'reach-v3' and 'The puck and wall family'): one
/// free `Puck` (the touched geom, the object point and its quaternion), a goal from the layout
/// and, for the -wall tasks, MetaWorld's fixed wall. Layout: puck xyz, goal xyz. Each task is a
/// subclass naming its MetaWorld task and how it reads the layout.
public class PuckScene {
    /// Where the goal comes from.
    enum Goal {
        /// The layout's goal point, in the air (reach, pick-place and their -wall variants).
        case layout
        /// On the table: the layout's goal x-y at the puck's settled height, and the puck's
        /// initial point at that height too (push, push-wall), as MetaWorld sets both.
        case onTableAtSettledHeight
    }

    /// Where the puck is put before the reset settle.
    enum Placement {
        /// At the layout's puck point: MetaWorld's `set_state` with the drawn z (0.02 rests on
        /// the table; the -wall tasks' 0.015 starts 5 mm in it and pops up in the first steps).
        case layoutPoint
        /// At the layout's x-y, resting on the table: push-wall, whose MetaWorld env keeps the
        /// puck's previous height instead of the drawn 0.015.
        case restingAtLayoutXY
    }

    public let puck: Puck
    let goalRule: Goal
    let placement: Placement
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { puck.geom }

    init(world: World, surfaces: TaskSurfaces, goal: Goal, placement: Placement = .layoutPoint, wall: Bool = false,
         puckRadius: Double = Puck.radius, puckHalfHeight: Double = Puck.halfHeight) throws {
        puck = try Puck(world: world, surface: surfaces.freeObject, radius: puckRadius, halfHeight: puckHalfHeight)
        goalRule = goal
        self.placement = placement
        if wall { try StaticWall.puckWall(in: world, surface: surfaces.fixture) }
    }

    public func place(layout v: [Double], world: World) {
        switch placement {
        case .layoutPoint:
            objectInit = puck.place(layout: v, in: world)
        case .restingAtLayoutXY:
            objectInit = SIMD3(v[0], v[1], puck.halfHeight)
            puck.place(at: objectInit, in: world)
        }
        switch goalRule {
        case .layout: goal = SIMD3(v[3], v[4], v[5])
        case .onTableAtSettledHeight: goal = SIMD3(v[3], v[4], v[2])
        }
    }

    public func finishReset(world: World) {
        guard goalRule == .onTableAtSettledHeight else { return }
        let settled = world.position(of: puck.body).z
        goal.z = settled
        objectInit.z = settled
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: puck.body) }
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: puck.body).rotation) }
}

/// reach-v3 (MT10; docs/tasks.md, 'reach-v3'): move the fingertips within 5 cm of a goal in the
/// air; the puck is collidable but plays no part in the reward.
public final class ReachTask: PuckScene, TaskScene {
    public static let task = MetaWorldTask.reach
    public init(world: World, surfaces: TaskSurfaces) throws { try super.init(world: world, surfaces: surfaces, goal: .layout) }
}

/// push-v3 (MT10; docs/tasks.md, 'push-v3'): push the puck along the table to within 5 cm of the
/// goal; both z are replaced by the puck's settled height, as in MetaWorld.
public final class PushTask: PuckScene, TaskScene {
    public static let task = MetaWorldTask.push
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, goal: .onTableAtSettledHeight)
    }
}

/// pick-place-v3 (MT10; docs/tasks.md, 'pick-place-v3'): grasp the puck and bring it within 7 cm
/// of a goal in the air.
public final class PickPlaceTask: PuckScene, TaskScene {
    public static let task = MetaWorldTask.pickPlace
    public init(world: World, surfaces: TaskSurfaces) throws { try super.init(world: world, surfaces: surfaces, goal: .layout) }
}

/// pick-place-wall-v3: pick-place with the goal behind the wall (x −0.02-0.22, y 0.74-0.76,
/// 12 cm high): the puck, placed 5 mm into the table, must be carried over it or round its end.
public final class PickPlaceWallTask: PuckScene, TaskScene {
    public static let task = MetaWorldTask.pickPlaceWall
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, goal: .layout, wall: true)
    }
}

/// push-wall-v3: push the puck along the table round the wall's left end (x < −0.02) to a goal
/// behind it.
public final class PushWallTask: PuckScene, TaskScene {
    public static let task = MetaWorldTask.pushWall
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, goal: .onTableAtSettledHeight, placement: .restingAtLayoutXY, wall: true)
    }
}

/// reach-wall-v3: reach a goal in the air behind the wall, over it or round its end; the wider,
/// flatter puck plays no part in the reward.
public final class ReachWallTask: PuckScene, TaskScene {
    public static let task = MetaWorldTask.reachWall
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, goal: .layout, wall: true,
                       puckRadius: Puck.reachWallRadius, puckHalfHeight: Puck.reachWallHalfHeight)
    }
}
