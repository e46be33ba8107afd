import Physics

/// One link of the Sawyer arm (metaworld `xyz_base.xml`; docs/tasks.md, 'The arm and the
/// gripper'): its frame relative to the parent link; its hinge turns about the local z axis. Only
/// the kinematics are kept: they place the hand at MetaWorld's rest poses; the links themselves
/// are not simulated (`SawyerArm`).
public struct SawyerLink: Sendable {
    public var name: String
    public var frameInParent: Transform
}

/// The Sawyer arm's constant model: the kinematic chain, gripper geometry and the numbers the
/// simulation is calibrated to.
public enum SawyerModel {
    static func q(_ w: Double, _ x: Double, _ y: Double, _ z: Double) -> Quaternion {
        Quaternion(w: w, x: x, y: y, z: z).normalized
    }

    /// The 7 links right_l0 ... right_l6.
    public static let links: [SawyerLink] = [
        SawyerLink(name: "right_l0", frameInParent: Transform(position: SIMD3(0, 0, 0.08))),
        SawyerLink(name: "right_l1", frameInParent: Transform(position: SIMD3(0.081, 0.05, 0.237), rotation: q(0.5, -0.5, 0.5, 0.5))),
        SawyerLink(name: "right_l2", frameInParent: Transform(position: SIMD3(0, -0.14, 0.1425), rotation: q(0.7071, 0.7071, 0, 0))),
        SawyerLink(name: "right_l3", frameInParent: Transform(position: SIMD3(0, -0.042, 0.26), rotation: q(0.7071, -0.7071, 0, 0))),
        SawyerLink(name: "right_l4", frameInParent: Transform(position: SIMD3(0, -0.125, -0.1265), rotation: q(0.7071, 0.7071, 0, 0))),
        SawyerLink(name: "right_l5", frameInParent: Transform(position: SIMD3(0, 0.031, 0.275), rotation: q(0.7071, -0.7071, 0, 0))),
        SawyerLink(name: "right_l6", frameInParent: Transform(position: SIMD3(0, -0.11, 0.1053), rotation: q(0.06162, 0.06163, -0.70442, 0.70442))),
    ]

    /// The gripper frame `hand` in the l6 frame (through `right_hand`).
    public static let handInL6 = Transform(position: SIMD3(0, 0, 0.0245), rotation: q(0.7071, 0, 0, 0.7071))
        * Transform(position: SIMD3(0, 0, 0.12), rotation: q(-0.7071, 0, 0.7071, 0))

    /// The hand orientation MetaWorld imposes through the mocap: (1, 0, 1, 0) normalised, so
    /// hand-x points down, hand-y along world +y.
    public static let handDown = q(1, 0, 1, 0)

    /// Claw body origins sit ±0.05 m along hand-y; the fingertip sites 0.045 m along hand-x.
    public static let clawOffset = 0.05
    public static let fingertipOffset = 0.045
    /// Right claw travel [0, 0.04] m inward (+hand-y); left claw [-0.03, 0] (inward is -hand-y).
    public static let rightClawTravel = 0.04
    public static let leftClawTravel = 0.03
    public static let clawMassKilograms = 0.0162
    /// Claw and pad boxes: half-extents in hand coordinates; pads sit 3 mm further inward.
    public static let fingerHalfExtents = SIMD3(0.045, 0.003, 0.015)
    public static let padInset = 0.003

    /// Joint angles after MetaWorld's reset for a given hand_init (docs/tasks.md, 'The reset').
    public static let restConfigurations: [(handInit: SIMD3<Double>, joints: [Double])] = [
        (SIMD3(0, 0.6, 0.2), [1.889, -0.576, -0.977, 1.642, 0.943, 1.044, 2.293]),
        (SIMD3(0, 0.4, 0.2), [2.167, -0.546, -1.235, 2.171, 1.248, 1.019, 1.901]),
    ]

    /// The known rest configuration whose hand_init is nearest to `handInit`.
    public static func restConfiguration(near handInit: SIMD3<Double>) -> [Double] {
        restConfigurations.min { length($0.handInit - handInit) < length($1.handInit - handInit) }!.joints
    }

    /// The known rest configuration recorded for `handInit` (within 1 mm), if there is one.
    public static func restConfiguration(at handInit: SIMD3<Double>) -> [Double]? {
        restConfigurations.first { length($0.handInit - handInit) < 0.001 }?.joints
    }

    /// World frames of the 7 links for joint angles `angles` (radians), then the hand frame.
    public static func forwardKinematics(_ angles: [Double]) -> (links: [Transform], hand: Transform) {
        var frame = Transform.identity
        var frames: [Transform] = []
        frames.reserveCapacity(links.count)
        for (link, angle) in zip(links, angles) {
            frame = frame * link.frameInParent * Transform(rotation: Quaternion(axis: SIMD3(0, 0, 1), angleRadians: angle))
            frames.append(frame)
        }
        return (frames, frame * handInL6)
    }
}
