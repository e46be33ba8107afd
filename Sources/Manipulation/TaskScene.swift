import Physics

/// Everything that makes one MetaWorld task: its objects, its random layout space and rejection
/// rule, its goal, the observed object point and the task-specific reward inputs. Adding a task
/// means adding one file that conforms to this protocol and listing it in `TaskCatalog`.
public protocol TaskScene: AnyObject {
    /// MetaWorld's environment name, e.g. "reach-v3".
    static var name: String { get }
    /// Mocap target during reset (hand_init_pos).
    static var handInit: SIMD3<Double> { get }
    /// Mocap clip box (hand_low, hand_high).
    static var handLow: SIMD3<Double> { get }
    static var handHigh: SIMD3<Double> { get }
    /// `_random_reset_space` bounds: the vector drawn per layout.
    static var layoutLow: [Double] { get }
    static var layoutHigh: [Double] { get }
    /// The rejection rule: `false` means draw the layout again.
    static func accepts(layout: [Double]) -> Bool

    /// Builds the task's objects and fixtures into `world`.
    init(world: World, surfaces: TaskSurfaces) throws
    /// Places objects and the goal from a layout vector (before the reset settle).
    func place(layout: [Double], world: World)
    /// Called after the reset settle, for anything that depends on the settled state.
    func finishReset(world: World)
    /// The goal (observation 36:39).
    var goal: SIMD3<Double> { get }
    /// The task's object point (observation 4:7).
    func objectPosition(world: World) -> SIMD3<Double>
    /// Observation 7:11 in the task's MetaWorld convention (see spec section 6).
    func objectQuaternion(world: World) -> SIMD4<Double>
    /// Task-specific scalar reward input (door angle, drawer slide...); 0 when unused.
    func jointPosition(world: World) -> Double
    /// Task-specific extra point for the reward (peg head...); zero when unused.
    func extraPoint(world: World) -> SIMD3<Double>
}

extension TaskScene {
    public static var handLow: SIMD3<Double> { SIMD3(-0.5, 0.40, 0.05) }
    public static var handHigh: SIMD3<Double> { SIMD3(0.5, 1.0, 0.5) }
    public static func accepts(layout: [Double]) -> Bool { true }
    public func finishReset(world: World) {}
    public func jointPosition(world: World) -> Double { 0 }
    public func extraPoint(world: World) -> SIMD3<Double> { .zero }
}

/// Contact surfaces offered to task objects.
public struct TaskSurfaces: Sendable {
    /// Movable objects (MetaWorld's solref 0.01 objects).
    public var object: SurfaceParameters
    /// Static fixtures (cabinets, boxes).
    public var fixture: SurfaceParameters

    public init(object: SurfaceParameters, fixture: SurfaceParameters) {
        self.object = object
        self.fixture = fixture
    }
}

/// The puck's orientation as MetaWorld's scipy-derived (x, y, z, w) quaternion.
func scalarLast(_ q: Quaternion) -> SIMD4<Double> { SIMD4(q.x, q.y, q.z, q.w) }
