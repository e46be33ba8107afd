import Testing
@testable import Physics

/// Collision clusters (ODE sub-spaces): members still meet everything outside the cluster,
/// never each other.
@Suite struct CollisionClusterTests {
    static let filter = CollisionFilter(category: 1, collidesWith: 1)

    /// A static table box in a cluster and two balls, one (`ballInCluster`) in the same cluster.
    func scene() throws -> (world: World, ballOutside: BodyID, ballInCluster: BodyID, table: GeomID) {
        let world = try World()
        let cluster = world.addCollisionCluster()
        var table = GeomDefinition(name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil,
                                   pose: Transform(position: SIMD3(0, 0, -0.5)), filter: Self.filter)
        table.cluster = cluster
        let tableID = try world.addGeom(table)
        func ball(_ name: String, x: Double, in cluster: CollisionClusterID?) throws -> BodyID {
            var body = BodyDefinition(name: name)
            body.pose = Transform(position: SIMD3(x, 0, 0.1))
            body.massKilograms = 0.5
            let id = try world.addBody(body)
            var geom = GeomDefinition(name: name, shape: .sphere(radius: 0.02), body: id, filter: Self.filter)
            geom.cluster = cluster
            _ = try world.addGeom(geom)
            return id
        }
        return (world, try ball("outside", x: -0.3, in: nil), try ball("inside", x: 0.3, in: cluster), tableID)
    }

    @Test func clusterMembersMeetGeomsOutsideTheCluster() throws {
        let s = try scene()
        for _ in 0..<400 { #expect(s.world.step() == nil) }
        #expect(abs(s.world.position(of: s.ballOutside).z - 0.02) < 0.002)
        #expect(s.world.lastContactCount >= 1)
    }

    @Test func clusterMembersNeverMeetEachOther() throws {
        let s = try scene()
        for _ in 0..<100 { s.world.step() }
        // The ball sharing the table's cluster falls through it.
        #expect(s.world.position(of: s.ballInCluster).z < -0.1)
    }

    @Test func unknownClusterIsRejected() throws {
        let world = try World()
        var geom = GeomDefinition(name: "stray", shape: .sphere(radius: 0.1), body: nil, filter: Self.filter)
        geom.cluster = CollisionClusterID(index: 3)
        #expect(throws: PhysicsError.self) { try world.addGeom(geom) }
    }
}
