internal import CSystemODE

/// One independent physics simulation: ODE world, collision space and contact buffer, with its
/// own ODE threading implementation so that different worlds can step on different threads at
/// the same time. All memory is allocated while the model is built; `step()` allocates nothing.
///
/// A world is used from one thread at a time. Bodies, geoms and joints live as long as the world.
public final class World {
    public let definition: WorldDefinition
    let world: OpaquePointer
    let space: OpaquePointer
    let threading: OpaquePointer
    let contacts: ContactGenerator

    var bodies: [OpaquePointer] = []
    /// Centre of mass in each body frame: ODE's body sits at the centre of mass.
    var centerOffsets: [SIMD3<Double>] = []
    var bodyNames: [String] = []
    var geoms: [OpaquePointer] = []
    /// Collision clusters (sub-spaces of `space`), indexed by `CollisionClusterID`.
    var clusters: [OpaquePointer] = []
    var geomNames: [String] = []
    var joints: [OpaquePointer] = []
    var jointKinds: [JointDefinition.Kind] = []
    var jointNames: [String] = []
    /// Joints with both damping and stops, whose damping motor pauses at a stop.
    struct DampedLimit { var joint: Int; var lower: Double; var upper: Double }
    var dampedLimitedJoints: [DampedLimit] = []
    var sprungJoints: [(joint: Int, stiffness: Double, reference: Double)] = []

    /// Each body's state before the current step (`BodyStateSnapshot.doublesPerBody` each), kept
    /// so that a step the exact solver botched can be run again; sized as bodies are added.
    var bodyStates: [Double] = []
    /// Test hook: run every exact step through the solver fallback.
    var forcesSolverFallback = false
    /// Steps the exact solver failed and the iterative one redid, over the world's life.
    public private(set) var solverFallbackCount = 0

    /// Contact points created in the most recent step.
    public private(set) var lastContactCount = 0
    /// Contact points dropped because the preallocated buffer was full, over the world's life.
    public private(set) var droppedContactCount = 0

    public init(_ definition: WorldDefinition = WorldDefinition()) throws {
        if let problem = definition.problems().first { throw problem }
        ODERuntime.prepareThread()
        self.definition = definition
        world = dWorldCreate()
        space = dSimpleSpaceCreate(nil)
        threading = dThreadingAllocateSelfThreadedImplementation()
        dWorldSetStepThreadingImplementation(world, dThreadingImplementationGetFunctions(threading), threading)
        dWorldSetGravity(world, definition.gravity.x, definition.gravity.y, definition.gravity.z)
        dWorldSetERP(world, definition.errorReduction)
        dWorldSetCFM(world, definition.constraintForceMixing)
        dWorldSetContactSurfaceLayer(world, definition.contactSurfaceLayerMetres)
        dWorldSetContactMaxCorrectingVel(world, definition.contactMaxCorrectingSpeed)
        dWorldSetAutoDisableFlag(world, 0)
        dWorldSetQuickStepNumIterations(world, Int32(definition.quickStepIterations ?? definition.fallbackQuickStepIterations))
        contacts = ContactGenerator(world: world, capacity: definition.maxContacts, perPair: definition.maxContactsPerPair)
    }

    deinit {
        dJointGroupDestroy(contacts.group)
        dSpaceDestroy(space)
        dWorldDestroy(world)
        dThreadingFreeImplementation(threading)
    }

    public var bodyCount: Int { bodies.count }
    public var timestepSeconds: Double { definition.timestepSeconds }

    /// Advances the simulation by one time step: contacts, then the constraint solver.
    /// Returns the first numerical fault found (non-finite or exploding body), else nil.
    /// After a fault the world's state is garbage until every body is placed again.
    ///
    /// With the exact solver, a step during which ODE reported a problem (its Dantzig LCP solver
    /// gives up with "LCP internal error, s <= 0" on ill-conditioned contact sets and returns
    /// partial forces) or after which a body is faulty is run again from the saved state with
    /// the iterative solver (`WorldDefinition.fallbackQuickStepIterations`), which cannot fail
    /// that way. Counted in `solverFallbackCount`. The decision and the redone step depend on the
    /// state alone (`ODERuntime.quickStep` seeds QuickStep's row shuffle the same way every
    /// time), so stepping stays deterministic whatever other worlds or threads do.
    @discardableResult
    public func step() -> PhysicsFault? {
        ODERuntime.prepareThread()
        // ODE asserts (and aborts the process) on non-finite state, so never hand it any.
        if let fault = checkBodies() { return fault }
        updateDampedLimits()
        lastContactCount = contacts.generate(space: space)
        droppedContactCount += contacts.droppedInLastPass
        let h = definition.timestepSeconds
        guard definition.quickStepIterations == nil else {
            ODERuntime.quickStep(world, stepSeconds: h)
            dJointGroupEmpty(contacts.group)
            return checkBodies()
        }
        saveBodyStates()
        let messagesBefore = ODERuntime.messagesOnThisThread
        dWorldStep(world, h)
        var fault = checkBodies()
        if fault != nil || ODERuntime.messagesOnThisThread != messagesBefore || forcesSolverFallback {
            restoreBodyStates()
            ODERuntime.quickStep(world, stepSeconds: h)
            solverFallbackCount += 1
            fault = checkBodies()
        }
        dJointGroupEmpty(contacts.group)
        return fault
    }

    /// The first body whose state is non-finite or beyond the definition's fault limits.
    public func checkBodies() -> PhysicsFault? {
        let speedLimit = definition.faultSpeedLimit
        let distanceLimit = definition.faultDistanceLimitMetres
        // Squared norms against squared limits: the same test without square roots, run twice
        // per step for every body.
        let speedLimitSquared = speedLimit * speedLimit, distanceLimitSquared = distanceLimit * distanceLimit
        for index in bodies.indices {
            let body = bodies[index]
            let p = dBodyGetPosition(body)!, v = dBodyGetLinearVel(body)!, w = dBodyGetAngularVel(body)!
            let position = SIMD3(p[0], p[1], p[2]), linear = SIMD3(v[0], v[1], v[2]), angular = SIMD3(w[0], w[1], w[2])
            let distanceSquared = (position * position).sum()
            let linearSquared = (linear * linear).sum(), angularSquared = (angular * angular).sum()
            // A sum of squares is finite only if every term is (an overflow to infinity is a fault too).
            if !(distanceSquared.isFinite && linearSquared.isFinite && angularSquared.isFinite) {
                if !(position.x.isFinite && position.y.isFinite && position.z.isFinite
                    && linear.x.isFinite && linear.y.isFinite && linear.z.isFinite
                    && angular.x.isFinite && angular.y.isFinite && angular.z.isFinite) {
                    return PhysicsFault(body: index, bodyName: bodyNames[index], reason: "position or velocity is not a finite number")
                }
            }
            if distanceSquared > distanceLimitSquared {
                return PhysicsFault(body: index, bodyName: bodyNames[index], reason: "position \(position) is more than \(distanceLimit) m from the origin")
            }
            if linearSquared > speedLimitSquared || angularSquared > speedLimitSquared {
                return PhysicsFault(body: index, bodyName: bodyNames[index], reason: "speed exceeded \(speedLimit) (linear \(length(linear)) m/s, angular \(length(angular)) rad/s)")
            }
        }
        return nil
    }
}
