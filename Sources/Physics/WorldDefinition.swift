/// How a `World` steps: gravity, time step, solver and contact capacity.
public struct WorldDefinition: Sendable {
    /// Gravity in m/s². Default: (0, 0, -9.81).
    public var gravity: SIMD3<Double> = SIMD3(0, 0, -9.81)
    /// Length of one physics step in seconds. Default 0.0025 (MetaWorld's MuJoCo timestep).
    public var timestepSeconds: Double = 0.0025
    /// Global error reduction parameter for joints without their own (0...1). Default 0.2.
    public var errorReduction: Double = 0.2
    /// Global constraint force mixing (softness) for joints without their own. Default 1e-9.
    public var constraintForceMixing: Double = 1e-9
    /// Allowed penetration depth in metres before contacts push back. Default 0.0005.
    public var contactSurfaceLayerMetres: Double = 0.0005
    /// Largest speed (m/s) at which contacts correct penetration. Default 1.
    public var contactMaxCorrectingSpeed: Double = 1
    /// The solver: `nil` uses ODE's exact (Dantzig LCP) `dWorldStep`; a count uses the iterative
    /// `dWorldQuickStep` with that many iterations. Default `nil`.
    public var quickStepIterations: Int? = nil
    /// Iterations of `dWorldQuickStep` when it redoes a step the exact solver failed (see
    /// `World.step`). Default 50.
    public var fallbackQuickStepIterations: Int = 50
    /// Most contact points generated for one pair of geoms per step. Default 4.
    public var maxContactsPerPair: Int = 4
    /// Most contact points per step over all pairs (preallocated). Default 64.
    public var maxContacts: Int = 64
    /// A body moving faster than this (m/s or rad/s) is reported as a fault. Default 100.
    public var faultSpeedLimit: Double = 100
    /// A body farther than this from the origin (m) is reported as a fault. Default 100.
    public var faultDistanceLimitMetres: Double = 100

    public init() {}

    /// Every problem with this definition, empty when it is usable.
    public func problems() -> [PhysicsError] {
        var found: [PhysicsError] = []
        if !(timestepSeconds > 0 && timestepSeconds < 1) {
            found.append(.invalidParameter(name: "timestepSeconds", value: timestepSeconds, expected: "a value in (0, 1)"))
        }
        if !(errorReduction >= 0 && errorReduction <= 1) {
            found.append(.invalidParameter(name: "errorReduction", value: errorReduction, expected: "a value in [0, 1]"))
        }
        if !(constraintForceMixing >= 0 && constraintForceMixing.isFinite) {
            found.append(.invalidParameter(name: "constraintForceMixing", value: constraintForceMixing, expected: "a finite value >= 0"))
        }
        if maxContactsPerPair < 1 || maxContacts < maxContactsPerPair {
            found.append(.invalidParameter(name: "maxContacts", value: Double(maxContacts), expected: ">= maxContactsPerPair >= 1"))
        }
        if fallbackQuickStepIterations < 1 {
            found.append(.invalidParameter(name: "fallbackQuickStepIterations", value: Double(fallbackQuickStepIterations), expected: ">= 1"))
        }
        if let n = quickStepIterations, n < 1 {
            found.append(.invalidParameter(name: "quickStepIterations", value: Double(n), expected: ">= 1"))
        }
        return found
    }
}
