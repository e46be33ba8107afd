import Physics
import TaskRewards

/// window-open-v3 (docs/tasks.md, 'window-open-v3'): slide the closed pane 0.2 m to the right by
/// its handle. Layout: window body xyz; the goal is window + (0.2, 0, 0).
public final class WindowOpenTask: TaskScene {
    public static let task = MetaWorldTask.windowOpen

    let window: SlidingWindow
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { window.fixture.firstPartGeom }

    public init(world: World, surfaces: TaskSurfaces) throws { window = try SlidingWindow(world: world, surfaces: surfaces) }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        window.fixture.place(at: position, jointPosition: 0, in: world)
        goal = position + SIMD3(0.2, 0, 0)
    }

    /// The handle site at reset, with the window closed (`RewardInputs.objectInit`).
    public func finishReset(world: World) { objectInit = objectPosition(world: world) }

    /// The `handleOpenStart` site, 2.6 cm left of the handle bar.
    public func objectPosition(world: World) -> SIMD3<Double> { window.site(SlidingWindow.handleOpenStart, in: world) }
    /// MetaWorld reports zeros for the window tasks' quaternion.
    public func objectQuaternion(world: World) -> SIMD4<Double> { .zero }
    /// The slide in metres (not read by the reward).
    public func jointPosition(world: World) -> Double { window.slide(in: world) }
}
