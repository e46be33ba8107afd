import Physics

/// Who collides with whom (spec section 3-4): only the gripper, the table and rim, and the task
/// objects take part in contacts; the arm links never collide.
public enum CollisionGroups {
    public static let scenery: UInt32 = 1 << 0
    public static let gripper: UInt32 = 1 << 1
    public static let object: UInt32 = 1 << 2

    /// Static table, rim and task furniture: touched by the gripper and objects only.
    public static let sceneryFilter = CollisionFilter(category: scenery, collidesWith: gripper | object)
    /// Gripper base, claws and pads: touch scenery and objects, never each other.
    public static let gripperFilter = CollisionFilter(category: gripper, collidesWith: scenery | object)
    /// Movable task objects: touch everything that collides.
    public static let objectFilter = CollisionFilter(category: object, collidesWith: scenery | gripper | object)
}
