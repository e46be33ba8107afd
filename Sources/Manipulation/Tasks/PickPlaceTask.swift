import Physics

/// pick-place-v3 (spec 8.3): grasp the puck and bring it within 7 cm of a goal in the air.
public final class PickPlaceTask: TaskScene {
    public static let name = "pick-place-v3"
    public static let handInit = SIMD3<Double>(0, 0.6, 0.2)
    public static let layoutLow: [Double] = [-0.1, 0.6, 0.02, -0.1, 0.8, 0.05]
    public static let layoutHigh: [Double] = [0.1, 0.7, 0.02, 0.1, 0.9, 0.3]
    public static func accepts(layout v: [Double]) -> Bool { puckGoalApart(v) }

    let puck: Puck
    public private(set) var goal = SIMD3<Double>.zero

    public init(world: World, surfaces: TaskSurfaces) throws { puck = try Puck(world: world, surface: surfaces.object) }

    public func place(layout v: [Double], world: World) {
        puck.place(at: SIMD3(v[0], v[1], v[2]), in: world)
        goal = SIMD3(v[3], v[4], v[5])
    }

    public func objectPosition(world: World) -> SIMD3<Double> { world.position(of: puck.body) }
    public func objectQuaternion(world: World) -> SIMD4<Double> { scalarLast(world.pose(of: puck.body).rotation) }
}
