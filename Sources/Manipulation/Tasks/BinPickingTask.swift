import Physics
import TaskRewards

/// bin-picking-v3 (docs/tasks.md, 'bin-picking-v3'): lift a 4 cm cube out of one bin over the
/// walls into the other, 24 cm to the right, onto its floor. Layout: cube x, y (z and the goal
/// part are drawn but unused); the target is the goal bin's origin (0.12, 0.7, 0).
public final class BinPickingTask: TaskScene {
    public static let task = MetaWorldTask.binPicking
    static let startBinOrigin = SIMD3<Double>(-0.12, 0.7, 0)
    static let goalBinOrigin = SIMD3<Double>(0.12, 0.7, 0)
    /// The cube's centre resting on a bin floor.
    static let restingZ = Bin.floorTop + Cube.halfSide
    /// MetaWorld draws the cube's x up to the start bin's inner wall faces, so 13 of 50 layouts
    /// start with the cube inside a wall; MuJoCo pushes it out until it touches the wall
    /// within a few steps (x −0.207 → −0.190). ODE resolves a 2 cm overlap with an impulse that
    /// can throw the cube, so the cube is placed at most this far from the bin centre in x, where
    /// MuJoCo's comes to rest; `objectInit` keeps the drawn x, as MetaWorld's does.
    static let placementHalfRangeX = 0.07

    let cube: Cube
    let startBin: Bin
    let goalBin: Bin
    public let goal = BinPickingTask.goalBinOrigin
    public private(set) var objectInit = SIMD3<Double>.zero
    private var firstStepObject = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { cube.geom }

    public init(world: World, surfaces: TaskSurfaces) throws {
        cube = try Cube(world: world, surface: surfaces.freeObject, settings: .binPicking)
        startBin = try Bin(world: world, name: "bin_start", at: Self.startBinOrigin, surface: surfaces.fixture)
        goalBin = try Bin(world: world, name: "bin_goal", at: Self.goalBinOrigin, surface: surfaces.fixture)
    }

    public func place(layout v: [Double], world: World) {
        // MetaWorld keeps the cube's previous height, its resting height on a bin floor.
        objectInit = SIMD3(v[0], v[1], Self.restingZ)
        let x = min(max(v[0], Self.startBinOrigin.x - Self.placementHalfRangeX), Self.startBinOrigin.x + Self.placementHalfRangeX)
        cube.place(at: SIMD3(x, v[1], Self.restingZ), in: world)
    }

    public func finishReset(world: World) {
        objectInit.z = world.position(of: cube.body).z
        firstStepObject = world.position(of: cube.body)
    }

    /// MetaWorld takes the reward's in-place margin from the cube's position at the first step
    /// (lazily, at the first reward call), not at reset.
    public func didStep(world: World, stepCount: Int) {
        if stepCount == 1 { firstStepObject = world.position(of: cube.body) }
    }

    /// The cube at the episode's first step (`RewardInputs.extra` for this task).
    public func extraPoint(world: World) -> SIMD3<Double> { firstStepObject }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: cube.body) }
    /// MuJoCo's `xquat`, scalar first (w, x, y, z).
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = world.pose(of: cube.body).rotation
        return SIMD4(q.w, q.x, q.y, q.z)
    }
}
