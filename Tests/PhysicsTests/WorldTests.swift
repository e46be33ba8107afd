import Foundation
import Testing
@testable import Physics

@Suite struct WorldTests {
    static let sceneryFilter = CollisionFilter(category: 1, collidesWith: 2)
    static let objectFilter = CollisionFilter(category: 2, collidesWith: 3)

    func ballOnTable(height: Double = 0.5, speed: Double = 0) throws -> (World, BodyID) {
        let world = try World()
        _ = try world.addGeom(GeomDefinition(name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil,
                                             pose: Transform(position: SIMD3(0, 0, -0.5)), filter: Self.sceneryFilter))
        var ball = BodyDefinition(name: "ball")
        ball.pose = Transform(position: SIMD3(0, 0, height))
        ball.massKilograms = 0.5
        let id = try world.addBody(ball)
        _ = try world.addGeom(GeomDefinition(name: "ball", shape: .sphere(radius: 0.02), body: id, filter: Self.objectFilter))
        world.setVelocity(linear: SIMD3(0, 0, -speed), of: id)
        return (world, id)
    }

    @Test func ballComesToRestOnTable() throws {
        let (world, ball) = try ballOnTable()
        for _ in 0..<800 { #expect(world.step() == nil) }
        let z = world.position(of: ball).z
        #expect(abs(z - 0.02) < 0.002)
        #expect(length(world.linearVelocity(of: ball)) < 0.01)
        #expect(world.lastContactCount >= 1)
    }

    @Test func fastBallDoesNotTunnelThroughTable() throws {
        let (world, ball) = try ballOnTable(height: 0.1, speed: 5)
        for _ in 0..<400 { world.step() }
        #expect(world.position(of: ball).z > 0.01)
    }

    @Test func hingeDampingSlowsRotation() throws {
        let world = try World()
        var definition = BodyDefinition(name: "wheel")
        definition.principalInertia = SIMD3(repeating: 0.01)
        definition.gravity = false
        let wheel = try world.addBody(definition)
        var hinge = JointDefinition(name: "axle", kind: .hinge(anchor: .zero, axis: SIMD3(0, 0, 1)), first: wheel, second: nil)
        hinge.damping = 0.1
        let joint = try world.addJoint(hinge)
        world.setVelocity(angular: SIMD3(0, 0, 2), of: wheel)
        for _ in 0..<40 { world.step() }  // 0.1 s; decay time I/c = 0.1 s -> e^-1
        #expect(abs(world.jointRate(joint) - 2 * exp(-1)) < 0.1)
        #expect(world.jointPosition(joint) > 0.1)
    }

    @Test func hingeStopsHoldLimits() throws {
        let world = try World()
        var definition = BodyDefinition(name: "arm")
        definition.pose = Transform(position: SIMD3(0.5, 0, 0))
        let arm = try world.addBody(definition)
        var hinge = JointDefinition(name: "shoulder", kind: .hinge(anchor: .zero, axis: SIMD3(0, 1, 0)), first: arm, second: nil)
        hinge.lowerLimit = -0.2
        hinge.upperLimit = 0.2
        let joint = try world.addJoint(hinge)
        for _ in 0..<400 { world.step() }
        #expect(abs(abs(world.jointPosition(joint)) - 0.2) < 0.02)
    }

    @Test func hingeLimitsBeyondPiAreRejected() throws {
        let world = try World()
        let body = try world.addBody(BodyDefinition(name: "b"))
        var hinge = JointDefinition(name: "j", kind: .hinge(anchor: .zero, axis: SIMD3(0, 0, 1)), first: body, second: nil)
        hinge.lowerLimit = -4
        #expect(throws: PhysicsError.self) { try world.addJoint(hinge) }
    }

    @Test func sliderMotorActsAsForceWithDamping() throws {
        let world = try World()
        var definition = BodyDefinition(name: "finger")
        definition.massKilograms = 0.01
        definition.gravity = false
        let finger = try world.addBody(definition)
        let slider = try world.addJoint(JointDefinition(name: "s", kind: .slider(axis: SIMD3(1, 0, 0)), first: finger, second: nil))
        // Force 400 N against damping 1000 N·s/m: terminal speed 0.4 m/s.
        world.setMotor(slider, speed: 0.4, maxForce: .infinity, constraintForceMixing: 1.0 / 1000)
        for _ in 0..<40 { world.step() }
        #expect(abs(world.jointRate(slider) - 0.4) < 0.02)
    }

    @Test func softWeldFollowsKinematicTargetWithTimeConstant() throws {
        let world = try World()
        var targetDefinition = BodyDefinition(name: "target")
        targetDefinition.isKinematic = true
        let target = try world.addBody(targetDefinition)
        var definition = BodyDefinition(name: "hand")
        definition.massKilograms = 2
        definition.gravity = false
        let hand = try world.addBody(definition)
        var weld = JointDefinition(name: "weld", kind: .fixed, first: target, second: hand)
        let tc = 0.02
        weld.springDamper = (2 / (tc * tc), 2 * 2 / tc)
        _ = try world.addJoint(weld)
        world.setPose(Transform(position: SIMD3(0.1, 0, 0)), of: target)
        for _ in 0..<8 { world.step() }  // one time constant: critically damped, 1 - 2/e of the way
        let x = world.position(of: hand).x
        #expect(x > 0.1 * 0.15 && x < 0.1 * 0.6)
        for _ in 0..<200 { world.step() }
        #expect(abs(world.position(of: hand).x - 0.1) < 1e-3)
    }

    @Test func nonFiniteStateIsReportedAsFault() throws {
        let (world, ball) = try ballOnTable()
        world.setVelocity(linear: SIMD3(0, 0, 1e6), of: ball)
        let fault = world.checkBodies()
        #expect(fault?.bodyName == "ball")
        #expect(fault?.description.contains("speed") == true)
    }

    @Test func invalidDefinitionsAreRejected() throws {
        var definition = WorldDefinition()
        definition.timestepSeconds = -1
        #expect(throws: PhysicsError.self) { try World(definition) }
        let world = try World()
        var body = BodyDefinition(name: "massless")
        body.massKilograms = .nan
        #expect(throws: PhysicsError.self) { try world.addBody(body) }
        #expect(throws: PhysicsError.self) {
            try world.addGeom(GeomDefinition(name: "bad", shape: .sphere(radius: 0), body: nil, filter: .none))
        }
    }

    @Test func worldsStepOnSeparateThreadsAtOnce() throws {
        let results = Mutex2()
        let finished = DispatchSemaphore(value: 0)
        let threads = (0..<2).map { index in
            Thread {
                let (world, ball) = try! ballOnTable()
                for _ in 0..<2000 { world.step() }
                results.set(index, world.position(of: ball).z)
                finished.signal()
            }
        }
        threads.forEach { $0.start() }
        // A generous deadline (2000 steps take milliseconds): a hung world fails the test, not the run.
        for _ in 0..<2 { try #require(finished.wait(timeout: .now() + 60) == .success, "a world did not finish its steps") }
        #expect(results.done(2))
        #expect(abs(results.values[0] - results.values[1]) < 1e-12)
    }
}

/// A tiny lock-protected result box for the threading test.
final class Mutex2: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int: Double] = [:]
    func set(_ i: Int, _ v: Double) { lock.lock(); stored[i] = v; lock.unlock() }
    func done(_ n: Int) -> Bool { lock.lock(); defer { lock.unlock() }; return stored.count == n }
    var values: [Double] { lock.lock(); defer { lock.unlock() }; return stored.keys.sorted().map { stored[$0]! } }
}

@Suite struct ContactTests {
    @Test func touchingIsReportedForTheLastStepOnly() throws {
        let world = try World()
        let table = try world.addGeom(GeomDefinition(name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil,
                                                     pose: Transform(position: SIMD3(0, 0, -0.5)), filter: WorldTests.sceneryFilter))
        var definition = BodyDefinition(name: "ball")
        definition.pose = Transform(position: SIMD3(0, 0, 0.05))
        let ball = try world.addBody(definition)
        let sphere = try world.addGeom(GeomDefinition(name: "ball", shape: .sphere(radius: 0.02), body: ball, filter: WorldTests.objectFilter))
        world.step()
        #expect(!world.areTouching(table, sphere))
        for _ in 0..<100 { world.step() }
        #expect(world.areTouching(sphere, table))
        world.setPose(Transform(position: SIMD3(0, 0, 1)), of: ball)
        world.step()
        #expect(!world.areTouching(table, sphere))
    }

    @Test func filteredGeomsNeverTouch() throws {
        let world = try World()
        let table = try world.addGeom(GeomDefinition(name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil,
                                                     pose: Transform(position: SIMD3(0, 0, -0.5)), filter: WorldTests.sceneryFilter))
        var definition = BodyDefinition(name: "ghost")
        definition.pose = Transform(position: SIMD3(0, 0, 0.05))
        let ghost = try world.addBody(definition)
        let sphere = try world.addGeom(GeomDefinition(name: "ghost", shape: .sphere(radius: 0.02), body: ghost, filter: .none))
        for _ in 0..<100 { world.step() }
        #expect(!world.areTouching(table, sphere))
        #expect(world.position(of: ghost).z < -0.1)
    }
}
