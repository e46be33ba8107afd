import Testing
@testable import Physics

/// `World.setContactSpringDamper`: a category pair's own contact stiffness replaces the softer
/// of the two surfaces, for that pair only; `World.setContactPointLimit` caps that pair's points.
@Suite struct ContactPairTests {
    static let table: UInt32 = 1, pressed: UInt32 = 2, bystander: UInt32 = 4
    static let soft = SurfaceParameters.springDamper(stiffness: 2e5, damping: 2e3, timestepSeconds: 0.0025, friction: 1)

    /// Two 1 kg boxes pressed onto a static table with 1 kN each; returns how deep each sinks (m).
    func sinkDepths(configure: (World) throws -> Void) throws -> (pressed: Double, bystander: Double) {
        let world = try World()
        _ = try world.addGeom(GeomDefinition(
            name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil, pose: Transform(position: SIMD3(0, 0, -0.5)),
            surface: Self.soft, filter: CollisionFilter(category: Self.table, collidesWith: Self.pressed | Self.bystander)))
        var boxes: [BodyID] = []
        for (name, category, x) in [("pressed", Self.pressed, -0.3), ("bystander", Self.bystander, 0.3)] {
            var body = BodyDefinition(name: name)
            body.pose = Transform(position: SIMD3(x, 0, 0.02))
            body.massKilograms = 1
            let id = try world.addBody(body)
            _ = try world.addGeom(GeomDefinition(
                name: name, shape: .box(halfExtents: SIMD3(repeating: 0.02)), body: id,
                surface: Self.soft, filter: CollisionFilter(category: category, collidesWith: Self.table)))
            boxes.append(id)
        }
        try configure(world)
        for _ in 0..<400 {
            for box in boxes { world.addForce(SIMD3(0, 0, -1000), to: box) }
            #expect(world.step() == nil)
        }
        return (0.02 - world.position(of: boxes[0]).z, 0.02 - world.position(of: boxes[1]).z)
    }

    @Test func pairStiffnessReplacesTheSofterSurfaceForThatPairOnly() throws {
        let mixed = try sinkDepths { _ in }
        // 1 kN on four contact points of 2e5 N/m: about 1.25 mm, plus ODE's 0.5 mm surface layer.
        #expect(mixed.pressed > 0.0015 && mixed.pressed < 0.002, "\(mixed)")
        #expect(abs(mixed.bystander - mixed.pressed) < 1e-4)
        // Categories given in either order.
        for (a, b) in [(Self.table, Self.pressed), (Self.pressed, Self.table)] {
            let stiff = try sinkDepths { try $0.setContactSpringDamper(stiffness: 5e6, damping: 5e4, betweenCategories: a, and: b) }
            #expect(stiff.pressed < 0.0006, "\(stiff)")  // 0.05 mm plus the surface layer
            #expect(abs(stiff.bystander - mixed.bystander) < 1e-6)
        }
    }

    @Test func aLaterSettingReplacesTheEarlierOne() throws {
        let replaced = try sinkDepths { world in
            try world.setContactSpringDamper(stiffness: 5e6, damping: 5e4, betweenCategories: Self.table, and: Self.pressed)
            try world.setContactSpringDamper(stiffness: 2e5, damping: 2e3, betweenCategories: Self.pressed, and: Self.table)
        }
        #expect(replaced.pressed > 0.0015, "\(replaced)")
    }

    /// A 1 kg box on the table pushed sideways with 5 N (below the 9.8 N friction limit) for 1 s;
    /// returns how far it moved (m).
    func creep(frictionSlip: Double) throws -> Double {
        let world = try World()
        _ = try world.addGeom(GeomDefinition(
            name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil, pose: Transform(position: SIMD3(0, 0, -0.5)),
            surface: Self.soft, filter: CollisionFilter(category: Self.table, collidesWith: Self.pressed)))
        var body = BodyDefinition(name: "box")
        body.pose = Transform(position: SIMD3(0, 0, 0.02))
        body.massKilograms = 1
        let box = try world.addBody(body)
        _ = try world.addGeom(GeomDefinition(
            name: "box", shape: .box(halfExtents: SIMD3(repeating: 0.02)), body: box,
            surface: Self.soft, filter: CollisionFilter(category: Self.pressed, collidesWith: Self.table)))
        try world.setContactSpringDamper(stiffness: 2e5, damping: 2e3, frictionSlip: frictionSlip, betweenCategories: Self.table, and: Self.pressed)
        for _ in 0..<100 { world.step() }
        let start = world.position(of: box).x
        for _ in 0..<400 {
            world.addForce(SIMD3(5, 0, 0), to: box)
            #expect(world.step() == nil)
        }
        return world.position(of: box).x - start
    }

    @Test func frictionSlipLetsAStuckContactCreep() throws {
        #expect(abs(try creep(frictionSlip: 0)) < 1e-4)
        // 5 N shared by four contact points slipping 1e-3 (m/s)/N each: about 1.25 mm/s.
        let crept = try creep(frictionSlip: 1e-3)
        #expect(crept > 0.0008 && crept < 0.002, "\(crept)")
    }

    @Test func rejectsNonPhysicalValues() throws {
        let world = try World()
        for (k, c) in [(0.0, 1.0), (-1.0, 1.0), (.nan, 1.0), (.infinity, 1.0), (1e6, -1.0), (1e6, .nan)] {
            #expect(throws: PhysicsError.self) { try world.setContactSpringDamper(stiffness: k, damping: c, betweenCategories: 1, and: 2) }
        }
        #expect(throws: PhysicsError.self) { try world.setContactSpringDamper(stiffness: 1e6, damping: 1e4, betweenCategories: 0, and: 2) }
        for slip in [-1e-3, Double.nan, .infinity] {
            #expect(throws: PhysicsError.self) { try world.setContactSpringDamper(stiffness: 1e6, damping: 1e4, frictionSlip: slip, betweenCategories: 1, and: 2) }
        }
    }

    /// `World.setContactPointLimit`: the pair gets fewer points, other pairs keep four.
    @Test func pointLimitCapsThatPairOnly() throws {
        var counts: [Int] = []
        for limit in [nil, 2, 1] as [Int?] {
            let world = try World()
            _ = try world.addGeom(GeomDefinition(
                name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil, pose: Transform(position: SIMD3(0, 0, -0.5)),
                surface: Self.soft, filter: CollisionFilter(category: Self.table, collidesWith: Self.pressed | Self.bystander)))
            var boxes: [BodyID] = []
            for (name, category, x) in [("pressed", Self.pressed, -0.3), ("bystander", Self.bystander, 0.3)] {
                var body = BodyDefinition(name: name)
                body.pose = Transform(position: SIMD3(x, 0, 0.0199))
                let id = try world.addBody(body)
                _ = try world.addGeom(GeomDefinition(
                    name: name, shape: .box(halfExtents: SIMD3(repeating: 0.02)), body: id,
                    surface: Self.soft, filter: CollisionFilter(category: category, collidesWith: Self.table)))
                boxes.append(id)
            }
            if let limit { try world.setContactPointLimit(limit, betweenCategories: Self.pressed, and: Self.table) }
            for _ in 0..<100 { #expect(world.step() == nil) }
            counts.append(world.lastContactCount)
            // Fewer points still hold the box up: it rests within a millimetre of the other one.
            #expect(abs(world.position(of: boxes[0]).z - world.position(of: boxes[1]).z) < 1e-3)
        }
        #expect(counts == [8, 6, 5])
    }

    @Test func pointLimitOutsideOneToPerPairIsRejected() throws {
        let world = try World()
        for limit in [0, -1, WorldDefinition().maxContactsPerPair + 1] {
            #expect(throws: PhysicsError.self) { try world.setContactPointLimit(limit, betweenCategories: 1, and: 2) }
        }
        #expect(throws: PhysicsError.self) { try world.setContactPointLimit(2, betweenCategories: 0, and: 2) }
    }
}
