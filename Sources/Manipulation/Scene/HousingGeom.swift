import Physics

/// A static collision geom of a fixture's housing, in the fixture's base frame: a box unless a
/// shape is given (the faucet's base and the coffee machine's spout are cylinders). Shared by
/// `ArticulatedFixture` and `SlidingFixture`.
struct HousingGeom {
    var name: String
    var center: SIMD3<Double>
    var shape: Shape
    var rotation: Quaternion = .identity

    init(name: String, center: SIMD3<Double>, halfExtents: SIMD3<Double>) {
        self.name = name
        self.center = center
        shape = .box(halfExtents: halfExtents)
    }

    init(name: String, center: SIMD3<Double>, shape: Shape, rotation: Quaternion = .identity) {
        self.name = name
        self.center = center
        self.shape = shape
        self.rotation = rotation
    }

    /// The box's half-extents (zero for other shapes).
    var halfExtents: SIMD3<Double> {
        if case .box(let half) = shape { return half }
        return .zero
    }
}
