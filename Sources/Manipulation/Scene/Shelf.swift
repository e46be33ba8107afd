import Physics

/// shelf-place's bookcase (MetaWorld's `sawyer_shelf_placing.xml`; docs/tasks.md, 'The shelf'): an
/// open-front case 0.24 × 0.2 × 0.66 m with boards whose tops are at 0.06 and 0.25, static, on a
/// kinematic body so that layouts can move it. Its geoms touch the gripper and free objects.
struct Shelf {
    let body: BodyID

    init(world: World, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: "shelf")
        definition.isKinematic = true
        definition.pose = Transform(position: SIMD3(0, 0.85, 0))
        body = try world.addBody(definition)
        let boxes: [(String, SIMD3<Double>, SIMD3<Double>)] = [
            ("shelf_left", SIMD3(-0.11, 0, 0.32), SIMD3(0.01, 0.1, 0.32)),
            ("shelf_right", SIMD3(0.11, 0, 0.32), SIMD3(0.01, 0.1, 0.32)),
            ("shelf_top", SIMD3(0, 0, 0.65), SIMD3(0.12, 0.1, 0.01)),
            ("shelf_back", SIMD3(0, 0.09, 0.32), SIMD3(0.1, 0.01, 0.32)),
            ("shelf_board_low", SIMD3(0, -0.015, 0.05), SIMD3(0.1, 0.095, 0.01)),
            ("shelf_board_high", SIMD3(0, -0.015, 0.24), SIMD3(0.1, 0.095, 0.01)),
            ("shelf_bottom", SIMD3(0, -0.008, 0.021), SIMD3(0.1, 0.088, 0.021)),
        ]
        let cluster = world.addCollisionCluster()
        for (name, center, half) in boxes {
            var geom = GeomDefinition(name: name, shape: .box(halfExtents: half), body: body,
                                      pose: Transform(position: center), surface: surface, filter: CollisionGroups.sceneryFilter)
            geom.cluster = cluster
            _ = try world.addGeom(geom)
        }
    }

    func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }
}
