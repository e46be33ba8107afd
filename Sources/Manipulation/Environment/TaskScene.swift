import Physics
import TaskRewards

/// Everything that makes one MetaWorld task on our physics: its objects, the observed object
/// point, and the task-specific reward inputs. The task's constants (hand start and bounds,
/// layout space and rejection rule, goal space) come from `TaskRewards.TaskSpec`. Adding a task
/// means adding one file that conforms to this protocol and listing it in `TaskCatalog`.
public protocol TaskScene: AnyObject {
    /// Which MetaWorld task this scene implements.
    static var task: MetaWorldTask { get }

    /// Builds the task's objects and fixtures into `world`.
    init(world: World, surfaces: TaskSurfaces) throws
    /// Places objects and the goal from a layout vector (before the reset settle).
    func place(layout: [Double], world: World)
    /// Called after the reset settle, for anything that depends on the settled state.
    func finishReset(world: World)
    /// Called after each step's physics, before its observation and reward: `stepCount` steps
    /// have run in the episode. For state a task's reward takes during the episode.
    func didStep(world: World, stepCount: Int)
    /// The goal (observation 36:39).
    var goal: SIMD3<Double> { get }
    /// MetaWorld's `obj_init_pos` as `RewardInputs.objectInit` documents it for this task.
    var objectInit: SIMD3<Double> { get }
    /// The geom whose contact with the fingers counts as touching the object.
    var mainObjectGeom: GeomID { get }
    /// The task's object point (observation 4:7).
    func objectPosition(world: World) -> SIMD3<Double>
    /// Observation 7:11 in the task's MetaWorld convention (docs/tasks.md, 'The observation').
    func objectQuaternion(world: World) -> SIMD4<Double>
    /// Observation 11:14, the second object's point, for the tasks that observe two objects
    /// (stick-push, stick-pull, hammer); zero for the others.
    func secondObjectPosition(world: World) -> SIMD3<Double>
    /// Observation 14:18, the second object's orientation in the task's convention; zero when
    /// unused.
    func secondObjectQuaternion(world: World) -> SIMD4<Double>
    /// Task-specific scalar reward input (door angle, drawer slide...); 0 when unused.
    func jointPosition(world: World) -> Double
    /// Task-specific extra point for the reward (peg head...); zero when unused.
    func extraPoint(world: World) -> SIMD3<Double>
    /// The task's slide and hinge joints with the range each must stay in; the cross-task
    /// robustness tests check every step against them. Default: none (free objects only).
    var jointRanges: [TaskJointRange] { get }
}

extension TaskScene {
    /// MetaWorld's constants for this task. Every task in `TaskCatalog` has a spec (a test
    /// checks it), so the unwrap cannot fail for a scene that can be built.
    public static var spec: TaskSpec { TaskSpec.of(task)! }
    /// MetaWorld's environment name, e.g. "reach-v3".
    public static var name: String { task.rawValue }
    public func finishReset(world: World) {}
    public func didStep(world: World, stepCount: Int) {}
    public func jointPosition(world: World) -> Double { 0 }
    public func secondObjectPosition(world: World) -> SIMD3<Double> { .zero }
    public func secondObjectQuaternion(world: World) -> SIMD4<Double> { .zero }
    public func extraPoint(world: World) -> SIMD3<Double> { .zero }
    public var jointRanges: [TaskJointRange] { [] }
}

/// A slide or hinge joint of a task's scene and the range it must stay in.
public struct TaskJointRange: Sendable {
    public var name: String
    public var joint: JointID
    /// The range in `World.jointPosition` terms (metres or radians; zero is the pose the joint
    /// was built in), i.e. the stops the task sets.
    public var range: ClosedRange<Double>
    /// How far past either end the joint may go (metres or radians): the stop softness the task
    /// chose deliberately (docs/tasks.md, 'Where ODE differs from MuJoCo'), documented where the
    /// joint is built.
    public var softness: Double

    public init(name: String, joint: JointID, range: ClosedRange<Double>, softness: Double) {
        self.name = name
        self.joint = joint
        self.range = range
        self.softness = softness
    }
}

/// Contact surfaces offered to task objects.
public struct TaskSurfaces: Sendable {
    /// Movable objects (MetaWorld's solref 0.01 objects) and the moving parts of fixtures.
    public var object: SurfaceParameters
    /// Free task objects the gripper picks up (puck, peg): `object` with friction that creeps
    /// against the grasping geoms (`SawyerCalibration.graspCreepCoefficient`).
    public var freeObject: SurfaceParameters
    /// Static fixtures (cabinets, boxes).
    public var fixture: SurfaceParameters

    public init(object: SurfaceParameters, freeObject: SurfaceParameters, fixture: SurfaceParameters) {
        self.object = object
        self.freeObject = freeObject
        self.fixture = fixture
    }
}

/// The puck's orientation as MetaWorld's scipy-derived (x, y, z, w) quaternion.
func scalarLast(_ q: Quaternion) -> SIMD4<Double> { SIMD4(q.x, q.y, q.z, q.w) }
