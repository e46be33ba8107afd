/// A task's per-episode constants from MetaWorld 3.1.1 (each env's constructor and
/// `reset_model`): where the hand starts, where it may go, and how a layout (object and goal
/// placement) is drawn (docs/tasks.md, 'Layouts and the suite seed'). Pure data plus a seeded
/// draw, no simulator.
public struct TaskSpec: Sendable, Equatable {
    /// How a drawn layout vector is rejected and drawn again.
    public enum LayoutRejection: Sendable, Equatable {
        /// Every draw is kept.
        case none
        /// Re-draw the *whole* vector while the x-y distance between its first point
        /// (components 0, 1) and its second point (components 3, 4) is below this many metres:
        /// puck vs goal for reach/push/pick-place (0.15), peg vs block for peg-insert-side (0.1).
        case minimumSeparationXY(Double)
        /// Re-draw the whole vector while the x-y distance between its first point (components
        /// 0, 1) and a fixed point is below this many metres: sweep-into keeps the cube 15 cm
        /// from the hole centre (0, 0.84), its fixed target, not from the drawn goal
        /// (components 3, 4), which it uses for nothing else.
        case minimumSeparationXYFromPoint(SIMD2<Double>, Double)
    }

    public let task: MetaWorldTask
    /// `hand_init_pos` (m): the mocap target while the hand settles at reset. MetaWorld stores
    /// some of these as float32 (e.g. 0.4000000059604645); the exact decimals are used here.
    public let handInit: SIMD3<Double>
    /// `hand_low` / `hand_high` (m): the box the mocap target is clipped to after each action.
    public let handLow: SIMD3<Double>
    public let handHigh: SIMD3<Double>
    /// `_random_reset_space` low / high: each component of a layout is uniform in
    /// [low, high) (equal bounds give the constant). 3 or 6 components; see `layoutContents`.
    public let layoutLow: [Double]
    public let layoutHigh: [Double]
    /// What the layout components mean for this task (docs/tasks.md, 'The ten tasks').
    public let layoutContents: String
    public let layoutRejection: LayoutRejection
    /// `goal_space` low / high (m): the box obs[36:39] is clipped to in `step`.
    public let goalLow: SIMD3<Double>
    public let goalHigh: SIMD3<Double>

    /// Episode length in env steps for every MetaWorld env (`max_path_length`).
    public static let maxPathLength = 500

    /// Draws one layout exactly as MetaWorld's `reset_model` does with an unfrozen task:
    /// uniform components (numpy's `low + (high − low)·u`, u in [0, 1) with 53 random bits),
    /// the whole vector re-drawn while the rejection rule fails. Same generator state, same
    /// layout. Runs at reset, not per step, so returning an array is fine.
    public func sampleLayout<G: RandomNumberGenerator>(using rng: inout G) -> [Double] {
        var layout = [Double](repeating: 0, count: layoutLow.count)
        repeat {
            for i in layout.indices {
                let unit = Double(rng.next() >> 11) * 0x1p-53
                layout[i] = layoutLow[i] + (layoutHigh[i] - layoutLow[i]) * unit
            }
        } while rejects(layout)
        return layout
    }

    /// A benchmark's fixed layouts for this task, as MetaWorld's `_make_tasks` builds them:
    /// `count` draws (50 per task in MT10) that must all differ (MetaWorld asserts it; here a
    /// repeated draw, practically impossible with these continuous ranges, is drawn again).
    /// Every spec has at least one non-constant component, so this terminates.
    public func sampleLayouts<G: RandomNumberGenerator>(count: Int, using rng: inout G) -> [[Double]] {
        var layouts: [[Double]] = []
        var seen = Set<[Double]>()
        layouts.reserveCapacity(max(count, 0))
        while layouts.count < count {
            let layout = sampleLayout(using: &rng)
            if seen.insert(layout).inserted { layouts.append(layout) }
        }
        return layouts
    }

    /// Whether MetaWorld would draw `layout` again.
    public func rejects(_ layout: [Double]) -> Bool {
        switch layoutRejection {
        case .none:
            return false
        case .minimumSeparationXY(let minimum):
            guard layout.count >= 5 else { return false }
            let dx = layout[0] - layout[3], dy = layout[1] - layout[4]
            return (dx * dx + dy * dy).squareRoot() < minimum
        case .minimumSeparationXYFromPoint(let point, let minimum):
            guard layout.count >= 2 else { return false }
            let dx = layout[0] - point.x, dy = layout[1] - point.y
            return (dx * dx + dy * dy).squareRoot() < minimum
        }
    }
}

extension TaskSpec {
    /// The spec of `task`. All 50 tasks have one now; the optional (nil: constants not written)
    /// is kept for the callers that check. A spec alone is no simulation: `TaskCatalog` lists
    /// the tasks whose scene is built.
    public static func of(_ task: MetaWorldTask) -> TaskSpec? {
        switch task {
        case .reach: reach
        case .push: push
        case .pickPlace: pickPlace
        case .doorOpen: doorOpen
        case .drawerOpen: drawerOpen
        case .drawerClose: drawerClose
        case .buttonPressTopdown: buttonPressTopdown
        case .pegInsertSide: pegInsertSide
        case .windowOpen: windowOpen
        case .windowClose: windowClose
        case .buttonPress: buttonPress
        case .buttonPressWall: buttonPressWall
        case .buttonPressTopdownWall: buttonPressTopdownWall
        case .reachWall: reachWall
        case .pushWall: pushWall
        case .pickPlaceWall: pickPlaceWall
        case .pushBack: pushBack
        case .doorClose: doorClose
        case .doorLock: doorLock
        case .doorUnlock: doorUnlock
        case .handlePress: handlePress
        case .handlePressSide: handlePressSide
        case .handlePull: handlePull
        case .handlePullSide: handlePullSide
        case .faucetOpen: faucetOpen
        case .faucetClose: faucetClose
        case .coffeeButton: coffeeButton
        case .coffeePull: coffeePull
        case .coffeePush: coffeePush
        case .dialTurn: dialTurn
        case .sweep: sweep
        case .shelfPlace: shelfPlace
        case .pickOutOfHole: pickOutOfHole
        case .plateSlide: plateSlide
        case .plateSlideSide: plateSlideSide
        case .plateSlideBack: plateSlideBack
        case .plateSlideBackSide: plateSlideBackSide
        case .soccer: soccer
        case .boxClose: boxClose
        case .binPicking: binPicking
        case .stickPush: stickPush
        case .stickPull: stickPull
        case .basketball: basketball
        case .hammer: hammer
        case .leverPull: leverPull
        case .pegUnplugSide: pegUnplugSide
        case .handInsert: handInsert
        case .sweepInto: sweepInto
        case .assembly: assembly
        case .disassemble: disassemble
        }
    }

    /// The same clip box for every MT10 task and most MT50 tasks (the base class's own mocap box
    /// is overwritten).
    static let mt10HandLow = SIMD3<Double>(-0.5, 0.4, 0.05)
    static let mt10HandHigh = SIMD3<Double>(0.5, 1, 0.5)
    static let handAt60cm = SIMD3<Double>(0, 0.6, 0.2)
    static let handAt40cm = SIMD3<Double>(0, 0.4, 0.2)

    public static let reach = TaskSpec(
        task: .reach, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.6, 0.02, -0.1, 0.8, 0.05], layoutHigh: [0.1, 0.7, 0.02, 0.1, 0.9, 0.3],
        layoutContents: "puck xyz, goal xyz", layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.1, 0.8, 0.05), goalHigh: SIMD3(0.1, 0.9, 0.3))

    public static let push = TaskSpec(
        task: .push, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.6, 0.02, -0.1, 0.8, 0.01], layoutHigh: [0.1, 0.7, 0.02, 0.1, 0.9, 0.02],
        layoutContents: "puck xyz, goal xyz (both z replaced by the settled puck height)",
        layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.1, 0.8, 0.01), goalHigh: SIMD3(0.1, 0.9, 0.02))

    public static let pickPlace = TaskSpec(
        task: .pickPlace, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.6, 0.02, -0.1, 0.8, 0.05], layoutHigh: [0.1, 0.7, 0.02, 0.1, 0.9, 0.3],
        layoutContents: "puck xyz, goal xyz", layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.1, 0.8, 0.05), goalHigh: SIMD3(0.1, 0.9, 0.3))

    public static let doorOpen = TaskSpec(
        task: .doorOpen, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.85, 0.15], layoutHigh: [0.1, 0.95, 0.15],
        layoutContents: "door body xyz (goal = door + (−0.3, −0.45, 0))", layoutRejection: .none,
        goalLow: SIMD3(-0.3, 0.4, 0.1499), goalHigh: SIMD3(-0.2, 0.5, 0.1501))

    public static let drawerOpen = TaskSpec(
        task: .drawerOpen, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.9, 0], layoutHigh: [0.1, 0.9, 0],
        layoutContents: "drawer case xyz (goal = case + (0, −0.36, 0.09))", layoutRejection: .none,
        goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let drawerClose = TaskSpec(
        task: .drawerClose, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.9, 0], layoutHigh: [0.1, 0.9, 0],
        layoutContents: "drawer case xyz (goal = case + (0, −0.16, 0.09))", layoutRejection: .none,
        goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let buttonPressTopdown = TaskSpec(
        task: .buttonPressTopdown, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, 0.115], layoutHigh: [0.1, 0.9, 0.115],
        layoutContents: "button box xyz (goal = hole site = box + (0, 0, 0.1))", layoutRejection: .none,
        goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let pegInsertSide = TaskSpec(
        task: .pegInsertSide, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.5, 0.02, -0.35, 0.4, -0.001], layoutHigh: [0.2, 0.7, 0.02, -0.25, 0.7, 0.001],
        layoutContents: "peg body xyz, hole block xyz (goal = block + (0.03, 0, 0.13))",
        layoutRejection: .minimumSeparationXY(0.1),
        goalLow: SIMD3(-0.35 + 0.03, 0.4, 0.129), goalHigh: SIMD3(-0.25 + 0.03, 0.7, 0.131))

    public static let windowOpen = TaskSpec(
        task: .windowOpen, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.7, 0.16], layoutHigh: [0.1, 0.9, 0.16],
        layoutContents: "window body xyz (goal = window + (0.2, 0, 0)); slide starts at 0",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let windowClose = TaskSpec(
        task: .windowClose, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.75, 0.2], layoutHigh: [0, 0.9, 0.2],
        layoutContents: "window body xyz (goal = window); slide starts at 0.2 (open)",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    // MT50's button box family (docs/tasks.md, 'The button box family'). MetaWorld gives every
    // button env the hand box as its goal space; the goal (a site on the box) never leaves it.

    public static let buttonPress = TaskSpec(
        task: .buttonPress, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.85, 0.115], layoutHigh: [0.1, 0.9, 0.115],
        layoutContents: "button box xyz, box facing the robot (goal = hole site = box + (0, −0.1, 0))",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let buttonPressWall = TaskSpec(
        task: .buttonPressWall, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.05, 0.85, 0.1149], layoutHigh: [0.05, 0.9, 0.1151],
        layoutContents: "button box xyz, box facing the robot behind a wall (goal = box + (0, −0.1, 0))",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let buttonPressTopdownWall = TaskSpec(
        task: .buttonPressTopdownWall, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, 0.115], layoutHigh: [0.1, 0.9, 0.115],
        layoutContents: "button box xyz, button up, wall in front (goal = hole site = box + (0, 0, 0.1))",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    // MT50's puck and wall family (docs/tasks.md, 'The puck and wall family'): the puck in
    // x ±0.05, y 0.6-0.65 in front of the fixed wall, the goal behind it.

    public static let reachWall = TaskSpec(
        task: .reachWall, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.05, 0.6, 0.015, -0.05, 0.85, 0.05], layoutHigh: [0.05, 0.65, 0.015, 0.05, 0.9, 0.3],
        layoutContents: "puck xyz, goal xyz (behind the wall)", layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.05, 0.85, 0.05), goalHigh: SIMD3(0.05, 0.9, 0.3))

    public static let pushWall = TaskSpec(
        task: .pushWall, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.05, 0.6, 0.015, -0.05, 0.85, 0.01], layoutHigh: [0.05, 0.65, 0.015, 0.05, 0.9, 0.02],
        layoutContents: "puck xyz, goal xyz behind the wall (the puck rests on the table; both z become its settled height)",
        layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.05, 0.85, 0.01), goalHigh: SIMD3(0.05, 0.9, 0.02))

    public static let pickPlaceWall = TaskSpec(
        task: .pickPlaceWall, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.05, 0.6, 0.015, -0.05, 0.85, 0.05], layoutHigh: [0.05, 0.65, 0.015, 0.05, 0.9, 0.3],
        layoutContents: "puck xyz (5 mm into the table, as MetaWorld places it), goal xyz behind the wall",
        layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.05, 0.85, 0.05), goalHigh: SIMD3(0.05, 0.9, 0.3))

    public static let pushBack = TaskSpec(
        task: .pushBack, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, 0.02, -0.1, 0.6, 0.0199], layoutHigh: [0.1, 0.85, 0.02, 0.1, 0.7, 0.0201],
        layoutContents: "cube xyz, goal xyz nearer the robot (both z become the cube's settled height)",
        layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.1, 0.6, 0.0199), goalHigh: SIMD3(0.1, 0.7, 0.0201))

    // MT50's door family (docs/tasks.md, 'The door family').

    public static let doorClose = TaskSpec(
        task: .doorClose,
        // MetaWorld stores this hand_init_pos as float32: (−0.5, 0.6000000238, 0.2000000030).
        handInit: SIMD3(-0.5, Double(Float(0.6)), Double(Float(0.2))), handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.85, 0.15], layoutHigh: [0.1, 0.95, 0.15],
        layoutContents: "door body xyz (the door starts open at −π/2; goal = door + (0.2, −0.2, 0))",
        layoutRejection: .none, goalLow: SIMD3(0.2, 0.65, 0.1499), goalHigh: SIMD3(0.3, 0.75, 0.1501))

    public static let doorLock = TaskSpec(
        task: .doorLock, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, 0.15], layoutHigh: [0.1, 0.85, 0.15],
        layoutContents: "door body xyz (lever up; goal = lever hinge + (0, −0.04, −0.1))",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let doorUnlock = TaskSpec(
        task: .doorUnlock, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, 0.15], layoutHigh: [0.1, 0.85, 0.15],
        layoutContents: "door body xyz (lever down at π/2; goal = lever hinge + (0.1, −0.04, 0))",
        layoutRejection: .none, goalLow: SIMD3(0, 0.64, 0.21), goalHigh: SIMD3(0.2, 0.7, 0.2111))

    // MT50's handle box family (docs/tasks.md, 'The handle box family').

    public static let handlePress = TaskSpec(
        task: .handlePress, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, -0.001], layoutHigh: [0.1, 0.9, 0.001],
        layoutContents: "handle box xyz facing the robot (handle at −0.001; goal = goalPress = box + (0, −0.216, 0.075))",
        layoutRejection: .none, goalLow: SIMD3(-0.1, 0.55, 0.04), goalHigh: SIMD3(0.1, 0.7, 0.08))

    public static let handlePressSide = TaskSpec(
        task: .handlePressSide, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.35, 0.65, -0.001], layoutHigh: [-0.25, 0.75, 0.001],
        layoutContents: "handle box xyz turned to the side (handle at −0.001; goal = box + (0.216, 0, 0.075))",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let handlePull = TaskSpec(
        task: .handlePull, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, -0.001], layoutHigh: [0.1, 0.9, 0.001],
        layoutContents: "handle box xyz facing the robot (handle down at −0.1; goal = goalPull = box + (0, −0.216, 0.172))",
        layoutRejection: .none, goalLow: SIMD3(-0.1, 0.55, 0.04), goalHigh: SIMD3(0.1, 0.7, 0.18))

    public static let handlePullSide = TaskSpec(
        task: .handlePullSide, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.35, 0.65, 0], layoutHigh: [-0.25, 0.75, 0],
        layoutContents: "handle box xyz turned to the side (handle down at −0.1; goal = box + (0.216, 0, 0.172))",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    // MT50's faucet family (docs/tasks.md, 'The faucet family').

    public static let faucetOpen = TaskSpec(
        task: .faucetOpen, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.05, 0.8, 0], layoutHigh: [0.05, 0.85, 0],
        layoutContents: "faucet base xyz (handle at 0, toward the robot; goal = base + (0.175, 0, 0.125))",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    public static let faucetClose = TaskSpec(
        task: .faucetClose, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, 0], layoutHigh: [0.1, 0.85, 0],
        layoutContents: "faucet base xyz (handle at 0, toward the robot; goal = base + (−0.175, 0, 0.125))",
        layoutRejection: .none, goalLow: mt10HandLow, goalHigh: mt10HandHigh)

    // MT50's coffee family (docs/tasks.md, 'The coffee family').

    public static let coffeeButton = TaskSpec(
        task: .coffeeButton, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.8, -0.001], layoutHigh: [0.1, 0.9, 0.001],
        layoutContents: "coffee machine xyz (goal = the button face pushed in 3 cm = machine + (0, −0.19, 0.3))",
        layoutRejection: .none,
        goalLow: SIMD3(-0.101, 0.8 - 0.22 + 0.03, 0.299 - 0.001), goalHigh: SIMD3(0.101, 0.9 - 0.22 + 0.03, 0.301 + 0.001))

    public static let coffeePull = TaskSpec(
        task: .coffeePull, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.05, 0.7, -0.001, -0.1, 0.55, -0.001], layoutHigh: [0.05, 0.75, 0.001, 0.1, 0.65, 0.001],
        layoutContents: "mug xyz (under the spout; machine = mug + (0, 0.22, 0)), goal xyz nearer the robot",
        layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.1, 0.55, -0.001), goalHigh: SIMD3(0.1, 0.65, 0.001))

    public static let coffeePush = TaskSpec(
        task: .coffeePush, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.55, -0.001, -0.05, 0.7, -0.001], layoutHigh: [0.1, 0.65, 0.001, 0.05, 0.75, 0.001],
        layoutContents: "mug xyz, goal xyz under the spout (machine = goal + (0, 0.22, 0))",
        layoutRejection: .minimumSeparationXY(0.15),
        goalLow: SIMD3(-0.05, 0.7, -0.001), goalHigh: SIMD3(0.05, 0.75, 0.001))

    public static let dialTurn = TaskSpec(
        task: .dialTurn,
        // MetaWorld stores this hand_init_pos as float32.
        handInit: SIMD3(0, Double(Float(0.6)), Double(Float(0.2))), handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.7, 0], layoutHigh: [0.1, 0.8, 0],
        layoutContents: "dial xyz (goal = dial + (0, 0.03, 0.03))", layoutRejection: .none,
        goalLow: SIMD3(-0.1, 0.73, 0.0299), goalHigh: SIMD3(0.1, 0.83, 0.0301))

    // MT50's plate family (docs/tasks.md, 'The plate family'): the object point is fixed per
    // task (low = high); MetaWorld stores these hand_init_pos as float32.
    static let handAt60cmFloat32 = SIMD3<Double>(0, Double(Float(0.6)), Double(Float(0.2)))

    public static let plateSlide = TaskSpec(
        task: .plateSlide, handInit: handAt60cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.6, 0, -0.1, 0.85, 0], layoutHigh: [0, 0.6, 0, 0.1, 0.9, 0],
        layoutContents: "plate start (fixed), goal xyz = the cabinet's place", layoutRejection: .none,
        goalLow: SIMD3(-0.1, 0.85, 0), goalHigh: SIMD3(0.1, 0.9, 0))

    public static let plateSlideSide = TaskSpec(
        task: .plateSlideSide, handInit: handAt60cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.6, 0, -0.3, 0.54, 0], layoutHigh: [0, 0.6, 0, -0.25, 0.66, 0],
        layoutContents: "plate start (fixed), goal xyz near the fixed turned cabinet at (−0.3, 0.6)", layoutRejection: .none,
        goalLow: SIMD3(-0.3, 0.54, 0), goalHigh: SIMD3(-0.25, 0.66, 0))

    public static let plateSlideBack = TaskSpec(
        task: .plateSlideBack, handInit: handAt60cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.85, 0, -0.1, 0.6, 0.015], layoutHigh: [0, 0.85, 0, 0.1, 0.6, 0.015],
        layoutContents: "obj_init (fixed, the cabinet's origin), goal xyz in front (the plate starts at (0, 0.75))",
        layoutRejection: .none, goalLow: SIMD3(-0.1, 0.6, 0.015), goalHigh: SIMD3(0.1, 0.6, 0.015))

    public static let plateSlideBackSide = TaskSpec(
        task: .plateSlideBackSide, handInit: handAt60cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.25, 0.6, 0, -0.05, 0.6, 0.015], layoutHigh: [-0.25, 0.6, 0, 0.15, 0.6, 0.015],
        layoutContents: "obj_init (fixed, the turned cabinet's origin), goal xyz to its right (the plate starts at (−0.15, 0.6))",
        layoutRejection: .none, goalLow: SIMD3(-0.05, 0.6, 0.015), goalHigh: SIMD3(0.15, 0.6, 0.015))

    public static let sweep = TaskSpec(
        task: .sweep, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.6, 0.02], layoutHigh: [0.1, 0.7, 0.02],
        layoutContents: "cube bottom-face centre xyz, 2 cm above the table (goal = (0.5, cube y, 0.01))",
        layoutRejection: .none, goalLow: SIMD3(0.49, 0.6, 0), goalHigh: SIMD3(0.51, 0.7, 0.02))

    public static let shelfPlace = TaskSpec(
        task: .shelfPlace, handInit: handAt60cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.5, 0.019, -0.1, 0.8, 0.299], layoutHigh: [0.1, 0.6, 0.021, 0.1, 0.9, 0.301],
        layoutContents: "cube xyz (z replaced by its resting height), goal xyz 5 cm above the upper board (bookcase = goal − (0, 0, 0.3))",
        layoutRejection: .minimumSeparationXY(0.1), goalLow: SIMD3(-0.1, 0.8, 0.299), goalHigh: SIMD3(0.1, 0.9, 0.301))

    public static let pickOutOfHole = TaskSpec(
        task: .pickOutOfHole, handInit: handAt60cm,
        // The hand may go 5 cm below the table top here, down into the hole.
        handLow: SIMD3(-0.5, 0.4, -0.05), handHigh: mt10HandHigh,
        layoutLow: [0, 0.75, 0.02, -0.1, 0.5, 0.15], layoutHigh: [0, 0.75, 0.02, 0.1, 0.6, 0.3],
        layoutContents: "cylinder xyz (fixed, in the hole), goal xyz above the frame's front",
        layoutRejection: .minimumSeparationXY(0.15), goalLow: SIMD3(-0.1, 0.5, 0.15), goalHigh: SIMD3(0.1, 0.6, 0.3))

    public static let soccer = TaskSpec(
        task: .soccer, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.6, 0.03, -0.1, 0.8, 0], layoutHigh: [0.1, 0.7, 0.03, 0.1, 0.9, 0],
        layoutContents: "ball xyz (placed 4 mm above its resting height), goal xyz = the goal's origin on the floor",
        layoutRejection: .minimumSeparationXY(0.15), goalLow: SIMD3(-0.1, 0.8, 0), goalHigh: SIMD3(0.1, 0.9, 0))

    public static let boxClose = TaskSpec(
        task: .boxClose, handInit: handAt60cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.05, 0.5, 0.02, -0.1, 0.7, 0.133], layoutHigh: [0.05, 0.55, 0.02, 0.1, 0.8, 0.133],
        layoutContents: "lid xy (placed at MetaWorld's float32 z 0.02), goal xyz = where the lid sits on the box (box = goal x, y on the table)",
        layoutRejection: .minimumSeparationXY(0.25), goalLow: SIMD3(-0.1, 0.7, 0.133), goalHigh: SIMD3(0.1, 0.8, 0.133))

    public static let binPicking = TaskSpec(
        task: .binPicking, handInit: handAt60cm,
        // The hand stays 2 cm higher here, above the bins.
        handLow: SIMD3(-0.5, 0.4, 0.07), handHigh: mt10HandHigh,
        layoutLow: [-0.21, 0.65, 0.02, 0.1199, 0.699, -0.001], layoutHigh: [-0.03, 0.75, 0.02, 0.1201, 0.701, 0.001],
        layoutContents: "cube xy in the start bin (z = its resting height), goal xyz drawn but unused (goal = the goal bin's origin (0.12, 0.7, 0))",
        layoutRejection: .none, goalLow: SIMD3(0.1199, 0.699, -0.001), goalHigh: SIMD3(0.1201, 0.701, 0.001))

    public static let stickPush = TaskSpec(
        task: .stickPush, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.08, 0.58, 0, 0.399, 0.55, 0.1319], layoutHigh: [-0.03, 0.62, 0.001, 0.401, 0.6, 0.1321],
        layoutContents: "stick xy (z replaced by 0.02), goal xy (z replaced by the insertion site's height, 0.132); the thermos starts at its slides' 0",
        layoutRejection: .minimumSeparationXY(0.1), goalLow: SIMD3(0.399, 0.55, 0.1319), goalHigh: SIMD3(0.401, 0.6, 0.1321))

    public static let stickPull = TaskSpec(
        task: .stickPull, handInit: handAt60cm,
        // The hand may come 5 cm nearer the robot here, to pull the thermos back.
        handLow: SIMD3(-0.5, 0.35, 0.05), handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.55, 0, 0.35, 0.45, 0.0199], layoutHigh: [0, 0.65, 0.001, 0.45, 0.55, 0.0201],
        layoutContents: "stick xy (z replaced by 0.02), goal xy (z replaced by 0.02); the thermos starts slid 9 cm in +y, its handle loop toward the robot",
        layoutRejection: .minimumSeparationXY(0.1), goalLow: SIMD3(0.35, 0.45, 0.0199), goalHigh: SIMD3(0.45, 0.55, 0.0201))

    public static let basketball = TaskSpec(
        task: .basketball, handInit: handAt60cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.6, 0.0299, -0.1, 0.85, 0], layoutHigh: [0.1, 0.7, 0.0301, 0.1, 0.9 + 1e-7, 0],
        layoutContents: "ball xy (z replaced by MetaWorld's float32 0.03), hoop body xyz (goal = hoop + (0, −0.083, 0.25), the ring centre)",
        layoutRejection: .minimumSeparationXY(0.15),
        // The hoop's goal space moved to the ring centre.
        goalLow: SIMD3(-0.1, 0.85 - 0.083, 0.2499), goalHigh: SIMD3(0.1, 0.9 + 1e-7 - 0.083, 0.2501))

    public static let hammer = TaskSpec(
        task: .hammer, handInit: handAt40cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.4, 0], layoutHigh: [0.1, 0.5, 0],
        layoutContents: "hammer body xyz (the block with the nail is fixed at (0.24, 0.85, 0); goal = its nail-head site (0.24, 0.74, 0.11))",
        layoutRejection: .none, goalLow: SIMD3(0.2399, 0.7399, 0.109), goalHigh: SIMD3(0.2401, 0.7401, 0.111))

    static let handAt40cmFloat32 = SIMD3<Double>(0, Double(Float(0.4)), Double(Float(0.2)))
    static let leverPullHandLow = SIMD3<Double>(-0.5, 0.4, -0.15)

    public static let leverPull = TaskSpec(
        task: .leverPull, handInit: handAt40cmFloat32,
        // The hand may go 20 cm below the table top's level here, to get under the lever.
        handLow: leverPullHandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.7, 0], layoutHigh: [0.1, 0.8, 0],
        layoutContents: "lever body xyz (lever down toward the robot; goal = lever + (0.12, 0, 0.45), its end pointing up)",
        // MetaWorld gives the hand box as the goal space.
        layoutRejection: .none, goalLow: leverPullHandLow, goalHigh: mt10HandHigh)

    public static let pegUnplugSide = TaskSpec(
        task: .pegUnplugSide, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.25, 0.6, -0.001], layoutHigh: [-0.15, 0.8, 0.001],
        layoutContents: "box xyz (the wall with the hole; plug = box + (0.044, 0, 0.131), goal = plug + (0.15, 0, 0))",
        layoutRejection: .none,
        goalLow: SIMD3(-0.25 + 0.194, 0.6, -0.001 + 0.131), goalHigh: SIMD3(-0.15 + 0.194, 0.8, 0.001 + 0.131))

    public static let handInsert = TaskSpec(
        task: .handInsert, handInit: handAt60cmFloat32,
        // The hand may go down into the table's hole here (the mocap reaches z −0.15).
        handLow: SIMD3(-0.5, 0.4, -0.15), handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.6, 0.05, -0.04, 0.8, -0.0201], layoutHigh: [0.1, 0.7, 0.05, 0.04, 0.88, -0.0199],
        layoutContents: "cube xyz on the table with a hole (surface z 0.05), goal xyz inside the hole, 2 cm below z 0",
        layoutRejection: .minimumSeparationXY(0.15), goalLow: SIMD3(-0.04, 0.8, -0.0201), goalHigh: SIMD3(0.04, 0.88, -0.0199))

    public static let sweepInto = TaskSpec(
        task: .sweepInto, handInit: handAt60cm, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [-0.1, 0.6, 0.02, -0.001, 0.8399, 0.0199], layoutHigh: [0.1, 0.7, 0.02, 0.001, 0.8401, 0.0201],
        layoutContents: "cube xy on the table with a hole (z replaced by its resting height), goal xyz drawn but unused (goal = the hole centre (0, 0.84, 0.02))",
        layoutRejection: .minimumSeparationXYFromPoint(SIMD2(0, 0.84), 0.15),
        goalLow: SIMD3(-0.001, 0.8399, 0.0199), goalHigh: SIMD3(0.001, 0.8401, 0.0201))

    public static let assembly = TaskSpec(
        task: .assembly, handInit: handAt60cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.6, 0.02, -0.1, 0.75, 0.1], layoutHigh: [0, 0.6, 0.02, 0.1, 0.85, 0.1],
        layoutContents: "nut xyz (fixed), goal xyz = the peg's top (peg body = goal − (0, 0, 0.05))",
        layoutRejection: .minimumSeparationXY(0.1), goalLow: SIMD3(-0.1, 0.75, 0.1), goalHigh: SIMD3(0.1, 0.85, 0.1))

    public static let disassemble = TaskSpec(
        task: .disassemble, handInit: handAt40cmFloat32, handLow: mt10HandLow, handHigh: mt10HandHigh,
        layoutLow: [0, 0.6, 0.025, -0.1, 0.6, 0.1699], layoutHigh: [0.1, 0.75, 0.02501, 0.1, 0.75, 0.1701],
        layoutContents: "nut xyz on the peg (peg body = nut + (0, 0, 0.03); goal = nut + (0, 0, 0.15)), goal xyz drawn for the rejection test only",
        layoutRejection: .minimumSeparationXY(0.1),
        // The goal space sits 5 mm above the drawn goal's range.
        goalLow: SIMD3(-0.1, 0.6, 0.1699 + 0.005), goalHigh: SIMD3(0.1, 0.75, 0.1701 + 0.005))
}
