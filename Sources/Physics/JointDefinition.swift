/// Builds a joint between two bodies (or a body and the static world when `second` is nil).
/// Hinge and slider joints read zero in the pose the bodies have when the joint is built.
public struct JointDefinition: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Rotation about `axis` (world frame at build time) through `anchor` (world point).
        case hinge(anchor: SIMD3<Double>, axis: SIMD3<Double>)
        /// Translation along `axis` (world frame at build time).
        case slider(axis: SIMD3<Double>)
        /// Holds the bodies' current relative pose.
        case fixed
    }

    public var name: String
    public var kind: Kind
    public var first: BodyID
    public var second: BodyID?
    /// Joint limits (rad or m) relative to the build pose; hinge limits must lie within [-π, π].
    public var lowerLimit: Double = -.infinity
    public var upperLimit: Double = .infinity
    /// Viscous damping (N·m·s/rad or N·s/m), applied implicitly by a zero-speed motor, so stiff
    /// damping on light bodies stays stable. It pauses while the joint rests on a stop.
    public var damping: Double = 0
    /// Softness of the joint itself: `nil` keeps the world's stiff defaults; a pair makes it a
    /// spring-damper (stiffness, damping), the way MuJoCo's `solref` softens a weld.
    public var springDamper: (stiffness: Double, damping: Double)? = nil
    /// A spring on the joint coordinate, like MuJoCo's joint `stiffness` / `springref`: effort
    /// −stiffness·(q − reference) (N/m or N·m/rad), applied explicitly each step, also while the
    /// joint rests on a stop. `nil` (the default) adds no spring.
    public var spring: (stiffness: Double, reference: Double)? = nil

    public init(name: String, kind: Kind, first: BodyID, second: BodyID?) {
        self.name = name
        self.kind = kind
        self.first = first
        self.second = second
    }
}
