import Physics

/// Who collides with whom (docs/tasks.md, 'Coordinates and the scene'): only the gripper, the
/// table and rim, and the task objects take part in contacts; the arm's links are not simulated (`SawyerArm`).
///
/// The gripper meets the world through two sets of geoms. Against task objects it uses the
/// claw and pad boxes (`grasping`), whose surfaces carry the grasp calibration. Against scenery
/// and the moving parts of fixtures it uses one box per finger (`gripper`), the union of its
/// claw and pad: the two boxes overlap, so pressed on a wall they made eight near-duplicate
/// contact points per finger where four describe the same face. Those redundant rows made the
/// exact LCP solver slow (drawer-close) and ill-conditioned (the "s <= 0" faults).
public enum CollisionGroups {
    public static let scenery: UInt32 = 1 << 0
    /// Gripper geoms that touch scenery and fixture parts: the gripper base and the finger shells.
    public static let gripper: UInt32 = 1 << 1
    public static let object: UInt32 = 1 << 2
    /// Gripper geoms that touch task objects: the gripper base, the claws and the pads.
    public static let grasping: UInt32 = 1 << 3

    /// Static table, rim and task furniture: touched by the gripper and objects only.
    public static let sceneryFilter = CollisionFilter(category: scenery, collidesWith: gripper | object)
    /// Gripper base: touches scenery, fixture parts and objects.
    public static let gripperFilter = CollisionFilter(category: gripper | grasping, collidesWith: scenery | object)
    /// Finger shells: touch scenery and fixture parts (whose filters name `gripper`), not objects.
    public static let fingerShellFilter = CollisionFilter(category: gripper, collidesWith: scenery)
    /// Claws and pads: touch task objects only.
    public static let graspingFilter = CollisionFilter(category: grasping, collidesWith: object)
    /// Movable task objects: touch everything that collides, except the finger shells.
    public static let objectFilter = CollisionFilter(category: object, collidesWith: scenery | grasping | object)
}
