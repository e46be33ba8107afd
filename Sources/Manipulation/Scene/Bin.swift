import Physics

/// MetaWorld's open bin (`bin_start`/`bin_goal` of bin-picking, the box of box-close; docs/tasks.md,
/// 'bin-picking-v3'): a 20 × 20 cm tray with a 1 cm floor and 6 cm walls, inside 18 × 18 cm,
/// static, on a kinematic body so that box-close's layouts can move it. Its origin is the floor's
/// bottom centre, on the table.
struct Bin {
    /// The floor's top above the origin (m).
    static let floorTop = 0.01
    /// The walls' top above the origin (m).
    static let wallTop = 0.06
    /// Inner half width (m): the walls' inner faces.
    static let innerHalfWidth = 0.09
    let body: BodyID

    init(world: World, name: String, at position: SIMD3<Double>, surface: SurfaceParameters) throws {
        var definition = BodyDefinition(name: name)
        definition.isKinematic = true
        definition.pose = Transform(position: position)
        body = try world.addBody(definition)
        let boxes: [(String, SIMD3<Double>, SIMD3<Double>)] = [
            ("floor", SIMD3(0, 0, 0.005), SIMD3(0.1, 0.1, 0.005)),
            ("wall_far", SIMD3(0, 0.095, 0.03), SIMD3(0.1, 0.005, 0.03)),
            ("wall_near", SIMD3(0, -0.095, 0.03), SIMD3(0.1, 0.005, 0.03)),
            ("wall_right", SIMD3(0.095, 0, 0.03), SIMD3(0.005, 0.09, 0.03)),
            ("wall_left", SIMD3(-0.095, 0, 0.03), SIMD3(0.005, 0.09, 0.03)),
        ]
        let cluster = world.addCollisionCluster()
        for (part, center, half) in boxes {
            var geom = GeomDefinition(name: "\(name)_\(part)", shape: .box(halfExtents: half), body: body,
                                      pose: Transform(position: center), surface: surface, filter: CollisionGroups.sceneryFilter)
            geom.cluster = cluster
            _ = try world.addGeom(geom)
        }
    }

    /// Moves the bin's origin to `position`.
    func place(at position: SIMD3<Double>, in world: World) {
        world.setPose(Transform(position: position), of: body)
        world.setVelocity(of: body)
    }
}
