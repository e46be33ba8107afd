/// A collision shape. Cylinders and capsules run along their local z axis.
public enum Shape: Sendable, Equatable {
    /// A box given by its half-extents in metres (MuJoCo's `size`).
    case box(halfExtents: SIMD3<Double>)
    case sphere(radius: Double)
    /// Radius and half-length of the straight part, metres.
    case cylinder(radius: Double, halfLength: Double)
    case capsule(radius: Double, halfLength: Double)
    /// The plane n·p = d (n unit length), static only.
    case plane(normal: SIMD3<Double>, offset: Double)
}

/// Contact properties of a geom; a contact mixes the two geoms' values (larger friction,
/// softer of the two constraint parameters).
public struct SurfaceParameters: Sendable, Equatable {
    /// Coulomb friction coefficient (tangential). Default 1.
    public var friction: Double = 1
    /// Contact error reduction (0...1): how much penetration is corrected per step. Default 0.2.
    public var errorReduction: Double = 0.2
    /// Contact constraint force mixing: softness (m/N·step). Default 1e-5.
    public var constraintForceMixing: Double = 1e-5

    /// Viscous creep of this geom's friction against geoms of some categories, or `nil` for
    /// rigid Coulomb friction.
    public var frictionCreep: FrictionCreep? = nil

    public init(friction: Double = 1, errorReduction: Double = 0.2, constraintForceMixing: Double = 1e-5, frictionCreep: FrictionCreep? = nil) {
        self.friction = friction
        self.errorReduction = errorReduction
        self.constraintForceMixing = constraintForceMixing
        self.frictionCreep = frictionCreep
    }

    /// The contact parameters of a spring-damper (stiffness N/m, damping N·s/m) at step `h`.
    public static func springDamper(stiffness: Double, damping: Double, timestepSeconds h: Double, friction: Double) -> SurfaceParameters {
        let denominator = h * stiffness + damping
        return SurfaceParameters(friction: friction, errorReduction: h * stiffness / denominator, constraintForceMixing: 1 / denominator)
    }
}

/// Friction that creeps under load the way MuJoCo's soft friction does, instead of holding
/// rigidly until it slides. MuJoCo solves every friction direction as a soft constraint, so a
/// tangential load makes a contact slip at a speed that grows with the load and falls with the
/// body's mass: a peg or puck held still in the gripper slowly slides down between the pads
/// (0.44 mm/s for MetaWorld's 0.1 kg peg, 2 mm/s for its 0.75 kg puck, measured on MuJoCo 3.3.0).
/// ODE's force-dependent slip gives each contact point such a speed per newton; set here to
/// `coefficient / (mass of the geom's body x contact points of the touching pair)`, so that, like
/// MuJoCo's, the creep of the whole pair does not depend on how many points the shapes make and
/// falls with the body's mass. Applies only to contacts with geoms of `againstCategories`.
public struct FrictionCreep: Sendable, Equatable {
    /// Slip speed per newton of one contact point, times the body's mass and the pair's contact
    /// points: (m/s)/N x kg.
    public var coefficient: Double
    /// Collision categories (bit mask) of the geoms the friction creeps against.
    public var againstCategories: UInt32

    public init(coefficient: Double, againstCategories: UInt32) {
        self.coefficient = coefficient
        self.againstCategories = againstCategories
    }
}

/// Which geoms may touch: two geoms collide when either one's category meets the other's mask.
public struct CollisionFilter: Sendable, Equatable {
    public var category: UInt32
    public var collidesWith: UInt32
    public init(category: UInt32, collidesWith: UInt32) {
        self.category = category
        self.collidesWith = collidesWith
    }
    /// Takes part in no collisions.
    public static let none = CollisionFilter(category: 0, collidesWith: 0)
}

/// Builds a geom attached to a body (offset in the body frame) or static in the world.
public struct GeomDefinition: Sendable {
    public var name: String
    public var shape: Shape
    /// The body carrying it, or `nil` for static scenery.
    public var body: BodyID?
    /// Pose relative to the body frame (or world pose when static).
    public var pose: Transform = .identity
    public var surface = SurfaceParameters()
    public var filter: CollisionFilter
    /// The cluster the geom belongs to, or `nil` for the world's top-level collision space.
    public var cluster: CollisionClusterID? = nil

    public init(name: String, shape: Shape, body: BodyID?, pose: Transform = .identity, surface: SurfaceParameters = SurfaceParameters(), filter: CollisionFilter) {
        self.name = name
        self.shape = shape
        self.body = body
        self.pose = pose
        self.surface = surface
        self.filter = filter
    }
}
