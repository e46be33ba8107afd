import Physics
import TaskRewards

/// window-close-v3 (docs/tasks.md, 'window-close-v3'): slide the open pane 0.2 m back to the left
/// by its handle. Layout: window body xyz (x = 0); the pane starts open at 0.2 and the goal is the
/// window body.
///
/// MetaWorld's first observation of an episode is stale here: it writes the slide after its
/// last forward pass, so the reset observation shows the handle at the *closed* position and it
/// jumps 0.2 m on the first step. We deliberately do not reproduce that: the pane is opened
/// before the reset settle, so the first observation shows the handle where it is. Nothing is
/// lost: the reward's reference (`objectInit`) is MetaWorld's `window_handle_pos_init`, the open
/// handle, in both, and a policy sees the true handle from its first step on either way.
public final class WindowCloseTask: TaskScene {
    public static let task = MetaWorldTask.windowClose
    static let openSlide = 0.2

    let window: SlidingWindow
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { window.fixture.firstPartGeom }

    public init(world: World, surfaces: TaskSurfaces) throws { window = try SlidingWindow(world: world, surfaces: surfaces) }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        window.fixture.place(at: position, jointPosition: Self.openSlide, in: world)
        goal = position
    }

    /// The handle site at reset with the window open (`RewardInputs.objectInit`).
    public func finishReset(world: World) { objectInit = objectPosition(world: world) }

    /// The `handleCloseStart` site, 2.4 cm right of the handle bar.
    public func objectPosition(world: World) -> SIMD3<Double> { window.site(SlidingWindow.handleCloseStart, in: world) }
    /// MetaWorld reports zeros for the window tasks' quaternion.
    public func objectQuaternion(world: World) -> SIMD4<Double> { .zero }
    /// The slide in metres (not read by the reward).
    public func jointPosition(world: World) -> Double { window.slide(in: world) }
}
