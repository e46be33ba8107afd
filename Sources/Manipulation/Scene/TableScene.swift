import Physics

/// The static scene shared by every task (docs/tasks.md, 'Coordinates and the scene'): the table,
/// whose top is z = 0 (x in [-0.7, 0.7], y in [0.2, 1.0]), and the 12 cm retaining rim around it. The floor lies 0.913 m below and
/// nothing reaches it.
public enum TableScene {
    static func build(in world: World, surface: SurfaceParameters) throws {
        func box(_ name: String, _ center: SIMD3<Double>, _ half: SIMD3<Double>) throws {
            _ = try world.addGeom(GeomDefinition(
                name: name, shape: .box(halfExtents: half), body: nil,
                pose: Transform(position: center), surface: surface, filter: CollisionGroups.sceneryFilter))
        }
        // The table top collides as the plane z = 0, not as its box: inside the rim the two give
        // the same contacts, and ODE's cylinder-box test (every puck task's object on the table)
        // took a fifth of an env step (reach, push, pick-place 1.2-1.4x faster as a plane).
        // Nothing goes below the top or outside the rim, where the two would differ.
        _ = try world.addGeom(GeomDefinition(
            name: "table", shape: .plane(normal: SIMD3(0, 0, 1), offset: 0), body: nil,
            surface: surface, filter: CollisionGroups.sceneryFilter))
        try box("rim_near", SIMD3(0, 0.21, 0.06), SIMD3(0.7, 0.005, 0.06))
        try box("rim_far", SIMD3(0, 0.99, 0.06), SIMD3(0.7, 0.005, 0.06))
        try box("rim_left", SIMD3(-0.69, 0.6, 0.06), SIMD3(0.005, 0.38, 0.06))
        try box("rim_right", SIMD3(0.69, 0.6, 0.06), SIMD3(0.005, 0.38, 0.06))
    }
}
