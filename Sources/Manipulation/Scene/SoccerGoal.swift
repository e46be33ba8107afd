import Foundation
import Physics

/// soccer's goal (MetaWorld's `soccer_goal.xml`; docs/tasks.md, 'soccer-v3'): an 18 cm wide,
/// 15.4 cm high goal whose mouth faces the robot 6.4 cm in front of its origin, static, on a
/// kinematic body so that layouts can move it. MetaWorld collides four convex meshes; here each
/// is a box: the two side walls cover their trapezoid up to the back panel's outer edge (the
/// extra wedge lies behind the back panel, where neither the ball nor a scripted gripper goes),
/// the back panel is a box leaning back 16.9° as the mesh does, the roof is exact.
struct SoccerGoal {
    /// The mouth's plane lies this far in front of (−y) the goal origin.
    static let mouthOffsetY = 0.0637
    /// Inner half width of the mouth (m).
    static let innerHalfWidth = 0.0902
    let body: BodyID

    init(world: World, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: "goal_whole")
        definition.isKinematic = true
        definition.pose = Transform(position: SIMD3(0, 0.9, 0))
        body = try world.addBody(definition)
        // The back panel's front face runs from (y −0.0011, z 0.165) to (0.0489, 0): 16.9° from
        // the vertical; its horizontal thickness is 1.46 cm.
        let lean = atan2(0.05, 0.165)
        let panelLength = (0.05 * 0.05 + 0.165 * 0.165).squareRoot()
        let boxes: [(String, SIMD3<Double>, SIMD3<Double>, Quaternion)] = [
            ("goal_side_left", SIMD3(-0.09645, -0.0001, 0.0825), SIMD3(0.00625, 0.0636, 0.0825), .identity),
            ("goal_side_right", SIMD3(0.09645, -0.0001, 0.0825), SIMD3(0.00625, 0.0636, 0.0825), .identity),
            ("goal_back", SIMD3(0, 0.0312, 0.0825), SIMD3(0.1027, 0.0146 * cos(lean) / 2, panelLength / 2),
             Quaternion(axis: SIMD3(1, 0, 0), angleRadians: lean)),
            ("goal_roof", SIMD3(0.00025, -0.0251, 0.1593), SIMD3(0.09045, 0.0386, 0.0057), .identity),
        ]
        let cluster = world.addCollisionCluster()
        for (name, center, half, rotation) in boxes {
            var geom = GeomDefinition(name: name, shape: .box(halfExtents: half), body: body,
                                      pose: Transform(position: center, rotation: rotation), surface: surface,
                                      filter: CollisionGroups.sceneryFilter)
            geom.cluster = cluster
            _ = try world.addGeom(geom)
        }
    }

    /// Puts the goal's origin (on the table, 6.4 cm behind the mouth) at `position`.
    func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }
}
