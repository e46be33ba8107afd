import Physics

/// A fixed wall box standing on the table (MetaWorld's `wall` bodies of the -wall tasks): static
/// scenery that the gripper and the task objects collide with (MuJoCo contype/conaffinity 0/1),
/// not moved by layouts.
enum StaticWall {
    /// Adds the box with centre `center` and half extents `halfExtents` (m, world axes).
    @discardableResult
    static func build(in world: World, name: String, center: SIMD3<Double>, halfExtents: SIMD3<Double>,
                      surface: SurfaceParameters) throws -> GeomID {
        try world.addGeom(GeomDefinition(
            name: name, shape: .box(halfExtents: halfExtents), body: nil,
            pose: Transform(position: center), surface: surface, filter: CollisionGroups.sceneryFilter))
    }

    /// The wall of button-press-wall and button-press-topdown-wall: 0.2 × 0.02 × 0.15 m, its
    /// near face 1 cm in front of `y`, spanning x ∈ [0, 0.2] from the table up.
    static func buttonWall(in world: World, y: Double, surface: SurfaceParameters) throws {
        try build(in: world, name: "wall", center: SIMD3(0.1, y, 0.075), halfExtents: SIMD3(0.1, 0.01, 0.075), surface: surface)
    }

    /// The wall of push-wall, pick-place-wall and reach-wall: 0.24 × 0.02 × 0.12 m over
    /// x −0.02-0.22 at y 0.74-0.76, between the puck's region and the goal's. (MetaWorld gives it
    /// two coincident boxes with two contact settings; one box does the job here.)
    static func puckWall(in world: World, surface: SurfaceParameters) throws {
        try build(in: world, name: "wall", center: SIMD3(0.1, 0.75, 0.06), halfExtents: SIMD3(0.12, 0.01, 0.06), surface: surface)
    }
}
