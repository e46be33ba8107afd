import Physics
import TaskRewards

/// coffee-button-v3 (docs/tasks.md, 'The coffee family'): push the machine's button in from the
/// front by at least 1 cm of its 3. Layout: the machine position; the mug stands under the spout
/// and plays no part.
public final class CoffeeButtonTask: TaskScene {
    public static let task = MetaWorldTask.coffeeButton

    let machine: CoffeeMachine
    let mug: Mug
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { machine.fixture.partGeoms[0] }

    public init(world: World, surfaces: TaskSurfaces) throws {
        machine = try CoffeeMachine(world: world, surfaces: surfaces)
        mug = try Mug(world: world, surface: surfaces.freeObject)
    }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        machine.place(at: position, in: world)
        mug.place(at: position + CoffeeMachine.mugSpot, in: world)
        goal = position + CoffeeMachine.buttonFace + SIMD3(0, CoffeeButtonReward.travel, 0)
        objectInit = position
    }

    public func objectPosition(world: World) -> SIMD3<Double> { machine.buttonFace(in: world) }
    /// The machine's orientation, (1, 0, 0, 0) scalar first.
    public func objectQuaternion(world: World) -> SIMD4<Double> { SIMD4(1, 0, 0, 0) }
    public func jointPosition(world: World) -> Double { machine.slide(in: world) }
    public var jointRanges: [TaskJointRange] { machine.jointRanges }
}

/// What coffee-pull and coffee-push share: the machine placed 22 cm behind the mug's start
/// (pull) or behind the goal (push), so the mug starts, or must end, under the spout. Layout:
/// mug xyz, goal xyz.
public class CoffeeMugScene {
    let machine: CoffeeMachine
    let mug: Mug
    let machineBehindGoal: Bool
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { mug.cup }

    init(world: World, surfaces: TaskSurfaces, machineBehindGoal: Bool) throws {
        machine = try CoffeeMachine(world: world, surfaces: surfaces)
        mug = try Mug(world: world, surface: surfaces.freeObject)
        self.machineBehindGoal = machineBehindGoal
    }

    public func place(layout v: [Double], world: World) {
        objectInit = SIMD3(v[0], v[1], v[2])
        goal = SIMD3(v[3], v[4], v[5])
        mug.place(at: objectInit, in: world)
        machine.place(at: (machineBehindGoal ? goal : objectInit) - CoffeeMachine.mugSpot, in: world)
    }

    /// The mug's body origin, at its bottom.
    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: mug.body) }
    /// The mug's orientation, scalar last (x, y, z, w).
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: mug.body).rotation) }
}

/// coffee-pull-v3: bring the mug from under the spout to a goal 15 cm or more nearer the robot.
public final class CoffeePullTask: CoffeeMugScene, TaskScene {
    public static let task = MetaWorldTask.coffeePull
    public init(world: World, surfaces: TaskSurfaces) throws { try super.init(world: world, surfaces: surfaces, machineBehindGoal: false) }
}

/// coffee-push-v3: push the mug back under the spout.
public final class CoffeePushTask: CoffeeMugScene, TaskScene {
    public static let task = MetaWorldTask.coffeePush
    public init(world: World, surfaces: TaskSurfaces) throws { try super.init(world: world, surfaces: surfaces, machineBehindGoal: true) }
}
