import Foundation
import Physics

/// basketball's hoop (MetaWorld's `basketball_hoop.xml`; docs/tasks.md, 'basketball-v3'): a
/// backboard on a pole with a ring of eight short capsules (clear hole about 6.8 cm across, the
/// ball 6 cm) 25 cm up and 8.3 cm in front of the board, static, on a kinematic body so that
/// layouts can move it. Its origin is the pole's foot on the table.
struct BasketballHoop {
    /// The ring's centre (MetaWorld's `hooplink` body and `goal` site) relative to the origin.
    static let ringCenter = SIMD3<Double>(0, -0.083, 0.25)
    let body: BodyID

    init(world: World, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: "basket_goal")
        definition.isKinematic = true
        definition.pose = Transform(position: SIMD3(0, 0.9, 0))
        body = try world.addBody(definition)
        var parts: [(String, Shape, SIMD3<Double>, Quaternion)] = [
            ("backboard", .box(halfExtents: SIMD3(0.1, 0.01, 0.07)), SIMD3(0, 0, 0.29), .identity),
            ("pole", .cylinder(radius: 0.007, halfLength: 0.108), SIMD3(0, 0, 0.118), .identity),
            ("foot", .cylinder(radius: 0.013, halfLength: 0.005), SIMD3(0, 0, 0.005), .identity),
            ("bracket", .box(halfExtents: SIMD3(0.01, 0.014, 0.004)), Self.ringCenter + SIMD3(0, 0.06, 0), .identity),
        ]
        // The ring: eight capsules, each tangent to the circle through its centre (MetaWorld's
        // centres lie at radius 0.044-0.045).
        let centers: [SIMD2<Double>] = [
            SIMD2(0.044, 0), SIMD2(-0.044, 0), SIMD2(0, 0.045), SIMD2(0, -0.045),
            SIMD2(0.031, 0.032), SIMD2(-0.031, 0.032), SIMD2(0.031, -0.032), SIMD2(-0.031, -0.032),
        ]
        for (i, c) in centers.enumerated() {
            // A capsule's axis is its local z; lay it horizontal, then turn it tangent.
            let heading = atan2(c.y, c.x) + .pi / 2
            let rotation = Quaternion(axis: SIMD3(0, 0, 1), angleRadians: heading) * Quaternion(axis: SIMD3(0, 1, 0), angleRadians: .pi / 2)
            parts.append(("ring_\(i)", .capsule(radius: 0.01, halfLength: 0.016), Self.ringCenter + SIMD3(c.x, c.y, -0.001), rotation))
        }
        let cluster = world.addCollisionCluster()
        for (name, shape, center, rotation) in parts {
            var geom = GeomDefinition(name: "hoop_\(name)", shape: shape, body: body,
                                      pose: Transform(position: center, rotation: rotation), surface: surface,
                                      filter: CollisionGroups.sceneryFilter)
            geom.cluster = cluster
            _ = try world.addGeom(geom)
        }
    }

    /// Puts the hoop's origin (the pole's foot) at `position`.
    func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }
}
