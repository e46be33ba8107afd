import Testing
@testable import Physics

/// The exact solver's fallback (`World.step`): a step redone by the iterative solver starts from
/// exactly the state the failed step started from, accumulated forces included, and its result
/// depends on that state alone, not on QuickStep calls made before it elsewhere.
@Suite struct SolverFallbackTests {
    static let sceneryFilter = CollisionFilter(category: 1, collidesWith: 2)
    static let objectFilter = CollisionFilter(category: 2, collidesWith: 3)

    /// A box dropped on a table: contacts, and a push accumulated before the solver runs.
    static func scene(_ definition: WorldDefinition) throws -> (World, BodyID) {
        let world = try World(definition)
        _ = try world.addGeom(GeomDefinition(name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil,
                                             pose: Transform(position: SIMD3(0, 0, -0.5)), filter: sceneryFilter))
        var box = BodyDefinition(name: "box")
        box.pose = Transform(position: SIMD3(0, 0, 0.1), rotation: Quaternion(axis: SIMD3(1, 1, 0), angleRadians: 0.3))
        box.massKilograms = 0.2
        let boxID = try world.addBody(box)
        _ = try world.addGeom(GeomDefinition(name: "box", shape: .box(halfExtents: SIMD3(0.03, 0.02, 0.01)), body: boxID, filter: objectFilter))
        return (world, boxID)
    }

    /// Steps with a 3 N push along x (more than friction holds: the box slides).
    static func pushedStep(_ world: World, _ box: BodyID) -> PhysicsFault? {
        world.addForce(SIMD3(3, 0, 0), to: box)
        return world.step()
    }

    static func state(_ world: World, _ body: BodyID) -> [Double] {
        let pose = world.pose(of: body), v = world.linearVelocity(of: body), w = world.angularVelocity(of: body)
        return [pose.position.x, pose.position.y, pose.position.z, pose.rotation.w, pose.rotation.x, pose.rotation.y,
                pose.rotation.z, v.x, v.y, v.z, w.x, w.y, w.z]
    }

    static func largestDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
    }

    @Test func aRedoneStepEqualsAnIterativeStepFromTheSameState() throws {
        let (forced, forcedBox) = try Self.scene(WorldDefinition())
        forced.forcesSolverFallback = true
        var iterativeDefinition = WorldDefinition()
        iterativeDefinition.quickStepIterations = WorldDefinition().fallbackQuickStepIterations
        let (iterative, iterativeBox) = try Self.scene(iterativeDefinition)
        let (exact, exactBox) = try Self.scene(WorldDefinition())
        for _ in 0..<200 {
            #expect(Self.pushedStep(forced, forcedBox) == nil)
            #expect(Self.pushedStep(iterative, iterativeBox) == nil)
            #expect(Self.pushedStep(exact, exactBox) == nil)
        }
        #expect(forced.lastContactCount > 0)
        #expect(forced.position(of: forcedBox).x > 0.1, "the push moved the box")
        // Equal up to rounding (restoring a quaternion renormalises it).
        #expect(Self.largestDifference(Self.state(forced, forcedBox), Self.state(iterative, iterativeBox)) < 1e-12)
        #expect(forced.solverFallbackCount == 200)
        // The exact solver, left alone, never needed the fallback here and did compute
        // something else, so the comparison above is not between two identical solvers.
        #expect(exact.solverFallbackCount == 0)
        #expect(Self.largestDifference(Self.state(exact, exactBox), Self.state(iterative, iterativeBox)) > 1e-9)
    }

    /// A three-link pendulum hinged to the world, its last link resting on a table: joint and
    /// contact rows for QuickStep to shuffle.
    static func pendulum() throws -> (World, [BodyID]) {
        let world = try World(WorldDefinition())
        _ = try world.addGeom(GeomDefinition(name: "table", shape: .box(halfExtents: SIMD3(1, 1, 0.5)), body: nil,
                                             pose: Transform(position: SIMD3(0, 0, -0.5)), filter: sceneryFilter))
        var links: [BodyID] = []
        for index in 0..<3 {
            var link = BodyDefinition(name: "link\(index)")
            link.pose = Transform(position: SIMD3(0.05 + 0.1 * Double(index), 0, 0.3 - 0.1 * Double(index)))
            link.massKilograms = 0.3
            let id = try world.addBody(link)
            _ = try world.addGeom(GeomDefinition(name: "link\(index)", shape: .box(halfExtents: SIMD3(0.05, 0.01, 0.01)), body: id, filter: objectFilter))
            _ = try world.addJoint(JointDefinition(name: "hinge\(index)", kind: .hinge(anchor: SIMD3(0.1 * Double(index), 0, 0.3 - 0.1 * Double(index)), axis: SIMD3(0, 1, 0)),
                                                   first: id, second: links.last))
            links.append(id)
        }
        return (world, links)
    }

    /// Two identical worlds whose fallbacks are interleaved with a varying number of fallbacks in
    /// a third world (as other slots, threads or runs in one process would make) stay bit-identical:
    /// without a fixed seed per call, QuickStep's row shuffle would follow ODE's process-wide
    /// generator and the two would drift apart.
    @Test func aRedoneStepDoesNotDependOnOtherWorldsFallbacks() throws {
        let (first, firstLinks) = try Self.pendulum()
        let (second, secondLinks) = try Self.pendulum()
        let (other, otherBox) = try Self.scene(WorldDefinition())
        for world in [first, second, other] { world.forcesSolverFallback = true }
        for step in 0..<120 {
            #expect(first.step() == nil)
            for _ in 0..<(step % 3 + 1) { #expect(Self.pushedStep(other, otherBox) == nil) }
            #expect(second.step() == nil)
        }
        #expect(first.solverFallbackCount == 120 && other.solverFallbackCount == 240)
        let firstState = firstLinks.flatMap { Self.state(first, $0) }, secondState = secondLinks.flatMap { Self.state(second, $0) }
        #expect(firstState == secondState)
        #expect(abs(firstState[0] - 0.05) > 1e-3, "the pendulum swung")
    }

    @Test func fallbackIterationsMustBePositive() throws {
        var definition = WorldDefinition()
        definition.fallbackQuickStepIterations = 0
        #expect(throws: PhysicsError.self) { try World(definition) }
    }
}
