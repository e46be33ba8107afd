import Physics

/// The static block of peg-insert-side (metaworld `peg_block.xml`; docs/tasks.md,
/// 'peg-insert-side-v3'): a 0.2 m cube-ish block, rotated 1.57 rad about z, with a 6 × 6 cm square
/// tunnel running along world x through it at 10-16 cm height; the mouth faces +x, toward where the
/// peg starts. Built from collision boxes kept in the block's own (unrotated) frame.
public struct PegBlock {
    /// MetaWorld's `euler="0 0 1.57"` (not exactly π/2; the reward's collision zones use it too).
    public static let yawRadians = 1.57
    /// (centre, half-extents) of each collision box in the block frame: the XML's seven boxes
    /// (three 1 cm plates, four inner boxes) merged into four thick ones with the same outside and
    /// the same tunnel. Reason: a claw pressed hard into a thin plate sinks past the plate's
    /// half-thickness, where ODE's box-box test flips the contact normal sideways and shoots the
    /// light claw out (a detected physics fault). Dropped: the 4 mm lip by which the XML's side
    /// plates stand proud of the tunnel walls around the mouth (the mouth stays at 0.096).
    static let parts: [(SIMD3<Double>, SIMD3<Double>)] = [
        (SIMD3(0, 0, 0.05), SIMD3(0.1, 0.1, 0.05)),         // below the tunnel
        (SIMD3(-0.065, 0, 0.13), SIMD3(0.035, 0.096, 0.03)), // tunnel wall
        (SIMD3(0.065, 0, 0.13), SIMD3(0.035, 0.096, 0.03)),  // tunnel wall
        (SIMD3(0, 0, 0.18), SIMD3(0.1, 0.1, 0.02)),         // above the tunnel
    ]
    /// Tunnel cross-section in world terms: |y − block_y| < 0.03, z in block_z + [0.10, 0.16].
    public static let tunnelHalfWidth = 0.03
    public static let tunnelFloorHeight = 0.10
    public static let tunnelCeilingHeight = 0.16

    public let geoms: [GeomID]

    public init(world: World, surface: SurfaceParameters) throws {
        var built: [GeomID] = []
        for (index, part) in Self.parts.enumerated() {
            built.append(try world.addGeom(GeomDefinition(
                name: "peg_block_\(index)", shape: .box(halfExtents: part.1), body: nil,
                pose: Self.pose(of: part.0, blockAt: SIMD3(-0.3, 0.6, 0)), surface: surface,
                filter: CollisionGroups.sceneryFilter)))
        }
        geoms = built
    }

    static var rotation: Quaternion { Quaternion(axis: SIMD3(0, 0, 1), angleRadians: yawRadians) }

    static func pose(of local: SIMD3<Double>, blockAt origin: SIMD3<Double>) -> Transform {
        let r = rotation
        return Transform(position: origin + r.rotate(local), rotation: r)
    }

    /// Moves the block so that its origin (bottom centre) is at `origin`.
    public func place(at origin: SIMD3<Double>, in world: World) {
        for (geom, part) in zip(geoms, Self.parts) {
            world.setStaticPose(Self.pose(of: part.0, blockAt: origin), of: geom)
        }
    }
}
