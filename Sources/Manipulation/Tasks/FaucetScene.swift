import Physics
import TaskRewards

/// faucet-open and faucet-close (docs/tasks.md, 'The faucet family'): one `Faucet`, the observed
/// handle site 1 cm below MetaWorld's handleStartOpen / handleStartClose, and the goal 17.5 cm
/// to the right (open) or left (close) of the base, 12.5 cm up. Layout: the base position.
public class FaucetScene {
    let faucet: Faucet
    let observedSite: SIMD3<Double>
    let goalOffset: SIMD3<Double>
    public private(set) var goal = SIMD3<Double>.zero
    public private(set) var objectInit = SIMD3<Double>.zero
    public var mainObjectGeom: GeomID { faucet.fixture.firstPartGeom }

    init(world: World, surfaces: TaskSurfaces, observedSite: SIMD3<Double>, goalOffset: SIMD3<Double>) throws {
        faucet = try Faucet(world: world, surfaces: surfaces)
        self.observedSite = observedSite
        self.goalOffset = goalOffset
    }

    public func place(layout v: [Double], world: World) {
        let position = SIMD3(v[0], v[1], v[2])
        faucet.fixture.place(at: position, jointPosition: 0, in: world)
        goal = position + goalOffset
        objectInit = position  // MetaWorld's obj_init_pos is the base
    }

    public func objectPosition(world: World) -> SIMD3<Double> { faucet.site(observedSite, in: world) - SIMD3(0, 0, 0.01) }
    /// The static base's orientation: (1, 0, 0, 0), scalar first.
    public func objectQuaternion(world: World) -> SIMD4<Double> { SIMD4(1, 0, 0, 0) }
    public func jointPosition(world: World) -> Double { faucet.angle(in: world) }
    public var jointRanges: [TaskJointRange] { faucet.jointRanges }
}

/// faucet-open-v3: turn the handle to the right (toward +x), past 1.374 rad.
public final class FaucetOpenTask: FaucetScene, TaskScene {
    public static let task = MetaWorldTask.faucetOpen
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, observedSite: Faucet.handleStartOpen, goalOffset: SIMD3(0.175, 0, 0.125))
    }
}

/// faucet-close-v3: turn the handle to the left (toward −x), past −1.259 rad.
public final class FaucetCloseTask: FaucetScene, TaskScene {
    public static let task = MetaWorldTask.faucetClose
    public init(world: World, surfaces: TaskSurfaces) throws {
        try super.init(world: world, surfaces: surfaces, observedSite: Faucet.handleStartClose, goalOffset: SIMD3(-0.175, 0, 0.125))
    }
}
