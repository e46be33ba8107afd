import Physics

/// The static scene shared by every task (docs/tasks.md, 'Coordinates and the scene'): the table,
/// whose top is z = 0, and the 12 cm retaining rim around it. The floor lies 0.913 m below and
/// nothing reaches it.
public enum TableScene {
    /// Table top extent: x in [-0.7, 0.7], y in [0.2, 1.0].
    public static let tableCenter = SIMD3<Double>(0, 0.6, -0.46)
    public static let tableHalfExtents = SIMD3<Double>(0.7, 0.4, 0.46)

    static func build(in world: World, surface: SurfaceParameters) throws {
        func box(_ name: String, _ center: SIMD3<Double>, _ half: SIMD3<Double>) throws {
            _ = try world.addGeom(GeomDefinition(
                name: name, shape: .box(halfExtents: half), body: nil,
                pose: Transform(position: center), surface: surface, filter: CollisionGroups.sceneryFilter))
        }
        try box("table", tableCenter, tableHalfExtents)
        try box("rim_near", SIMD3(0, 0.21, 0.06), SIMD3(0.7, 0.005, 0.06))
        try box("rim_far", SIMD3(0, 0.99, 0.06), SIMD3(0.7, 0.005, 0.06))
        try box("rim_left", SIMD3(-0.69, 0.6, 0.06), SIMD3(0.005, 0.38, 0.06))
        try box("rim_right", SIMD3(0.69, 0.6, 0.06), SIMD3(0.005, 0.38, 0.06))
    }
}
