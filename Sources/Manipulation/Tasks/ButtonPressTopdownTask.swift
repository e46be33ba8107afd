import Physics
import TaskRewards

/// button-press-topdown-v3 (docs/tasks.md, 'button-press-topdown-v3'): press the button down from
/// above. Layout: the box position; the goal is the hole site 0.1 m above it.
public final class ButtonPressTopdownTask: TaskScene {
    public static let task = MT10Task.buttonPressTopdown

    let box: ButtonBox
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { box.cap }

    public init(world: World, surfaces: TaskSurfaces) throws { box = try ButtonBox(world: world, surfaces: surfaces) }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        box.place(at: position, in: world)
        goal = position + ButtonBox.holeSite
        objectInit = position + ButtonBox.capTop
    }

    public func finishReset(world: World) { objectInit = objectPosition(world: world) }

    public func objectPosition(world: World) -> SIMD3<Double> { box.buttonPose(in: world).position + ButtonBox.capTop }

    /// MuJoCo's `xquat` of the button, scalar first (w, x, y, z): ≈ (0.7071, −0.7071, 0, 0).
    public func objectQuaternion(world: World) -> SIMD4<Double> {
        let q = box.buttonPose(in: world).rotation * ButtonBox.frameRotation
        return SIMD4(q.w, q.x, q.y, q.z)
    }

    public func jointPosition(world: World) -> Double { box.slide(in: world) }
}
