/// A rigid body in one `World` (an index, stable for the world's lifetime).
public struct BodyID: Hashable, Sendable { public let index: Int }

/// A collision shape in one `World`.
public struct GeomID: Hashable, Sendable { public let index: Int }

/// A joint in one `World`.
public struct JointID: Hashable, Sendable { public let index: Int }
