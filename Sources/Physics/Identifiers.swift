/// A rigid body in one `World` (an index, stable for the world's lifetime).
public struct BodyID: Hashable, Sendable { public let index: Int }

/// A collision shape in one `World`.
public struct GeomID: Hashable, Sendable { public let index: Int }

/// A joint in one `World`.
public struct JointID: Hashable, Sendable { public let index: Int }

/// A cluster of geoms in one `World` that the broad phase tests as one box first (an ODE
/// sub-space): pairs inside a cluster are never tested, and a cluster's geoms meet the rest
/// only where the cluster's bounding box overlaps them.
public struct CollisionClusterID: Hashable, Sendable { public let index: Int }
