/// Builds a rigid body. Positions and orientations are of the body *frame* (which need not be
/// the centre of mass); the world keeps ODE's centre-of-mass body hidden behind that frame.
public struct BodyDefinition: Sendable {
    /// Name used in fault messages.
    public var name: String
    /// Pose of the body frame in world coordinates.
    public var pose: Transform = .identity
    /// Mass in kg (> 0). Default 1.
    public var massKilograms: Double = 1
    /// Centre of mass in the body frame, metres.
    public var centerOfMass: SIMD3<Double> = .zero
    /// Principal moments of inertia about the centre of mass, along the body frame axes, kg·m².
    public var principalInertia: SIMD3<Double> = SIMD3(repeating: 1e-3)
    /// A kinematic body moves only where it is put (infinite mass), like a MuJoCo mocap body.
    public var isKinematic: Bool = false
    /// Gravity acts on this body. Default true.
    public var gravity: Bool = true

    public init(name: String) { self.name = name }

    /// Every problem with this definition, empty when it is usable.
    public func problems() -> [PhysicsError] {
        var found: [PhysicsError] = []
        if !isKinematic && !(massKilograms > 0 && massKilograms.isFinite) {
            found.append(.invalidParameter(name: "\(name).massKilograms", value: massKilograms, expected: "a finite value > 0"))
        }
        for i in 0..<3 where !isKinematic && !(principalInertia[i] > 0 && principalInertia[i].isFinite) {
            found.append(.invalidParameter(name: "\(name).principalInertia[\(i)]", value: principalInertia[i], expected: "a finite value > 0"))
        }
        return found
    }
}
