internal import CSystemODE

/// Finds touching geom pairs and turns each contact point into a contact joint, using
/// preallocated buffers (no allocation per step). A contact mixes the two geoms' surfaces:
/// the larger friction and the softer constraint (smaller ERP, larger CFM), unless the two
/// geoms' categories have a softness of their own (`World.setContactSpringDamper`).
final class ContactGenerator {
    let world: OpaquePointer
    let group: OpaquePointer
    let capacity: Int
    let perPair: Int
    let scratch: UnsafeMutablePointer<dContactGeom>
    /// Surface of each geom, indexed like `World.geoms`.
    var surfaces: [SurfaceParameters] = []
    /// Contact softness for pairs of collision categories, overriding the mixed surfaces.
    struct PairSoftness {
        var categoryA: UInt
        var categoryB: UInt
        var errorReduction: Double
        var constraintForceMixing: Double
        /// Force-dependent slip of the friction rows, (m/s)/N; 0 for none.
        var frictionSlip: Double
    }
    var pairSoftness: [PairSoftness] = []
    /// Fewer contact points than `perPair` for pairs of collision categories.
    struct PairPointLimit {
        var categoryA: UInt
        var categoryB: UInt
        var maxPoints: Int
    }
    var pairPointLimits: [PairPointLimit] = []
    private(set) var count = 0
    private(set) var droppedInLastPass = 0
    /// Geom index pairs that touched in the last pass (one entry per pair, preallocated).
    let touchingPairs: UnsafeMutablePointer<(Int32, Int32)>
    private(set) var touchingPairCount = 0

    init(world: OpaquePointer, capacity: Int, perPair: Int) {
        self.world = world
        self.group = dJointGroupCreate(0)
        self.capacity = capacity
        self.perPair = perPair
        scratch = .allocate(capacity: perPair)
        scratch.initialize(repeating: dContactGeom(), count: perPair)
        touchingPairs = .allocate(capacity: capacity)
        touchingPairs.initialize(repeating: (0, 0), count: capacity)
    }

    deinit {
        scratch.deallocate()
        touchingPairs.deallocate()
    }

    /// Creates this step's contact joints in `group`; returns how many.
    func generate(space: OpaquePointer) -> Int {
        count = 0
        droppedInLastPass = 0
        touchingPairCount = 0
        dSpaceCollide(space, Unmanaged.passUnretained(self).toOpaque(), nearCallback)
        return count
    }

    fileprivate func collide(_ a: OpaquePointer, _ b: OpaquePointer) {
        let bodyA = dGeomGetBody(a), bodyB = dGeomGetBody(b)
        if bodyA == nil && bodyB == nil { return }
        if let bodyA, let bodyB, dAreConnectedExcluding(bodyA, bodyB, Int32(dJointTypeContact.rawValue)) != 0 { return }
        let ca = dGeomGetCategoryBits(a), cb = dGeomGetCategoryBits(b)
        var pointLimit = perPair
        for limit in pairPointLimits
        where (ca & limit.categoryA != 0 && cb & limit.categoryB != 0) || (ca & limit.categoryB != 0 && cb & limit.categoryA != 0) {
            pointLimit = limit.maxPoints
            break
        }
        let found = Int(dCollide(a, b, Int32(pointLimit), scratch, Int32(MemoryLayout<dContactGeom>.stride)))
        if found == 0 { return }
        let indexA = Int(bitPattern: dGeomGetData(a)) - 1, indexB = Int(bitPattern: dGeomGetData(b)) - 1
        if touchingPairCount < capacity {
            touchingPairs[touchingPairCount] = (Int32(indexA), Int32(indexB))
            touchingPairCount += 1
        }
        let sa = surfaces[indexA], sb = surfaces[indexB]
        var contact = dContact()
        contact.surface.mode = Int32(dContactApprox1 | dContactSoftERP | dContactSoftCFM)
        contact.surface.mu = max(sa.friction, sb.friction)
        contact.surface.soft_erp = min(sa.errorReduction, sb.errorReduction)
        contact.surface.soft_cfm = max(sa.constraintForceMixing, sb.constraintForceMixing)
        if !pairSoftness.isEmpty {
            for pair in pairSoftness
            where (ca & pair.categoryA != 0 && cb & pair.categoryB != 0) || (ca & pair.categoryB != 0 && cb & pair.categoryA != 0) {
                contact.surface.soft_erp = pair.errorReduction
                contact.surface.soft_cfm = pair.constraintForceMixing
                if pair.frictionSlip > 0 {
                    contact.surface.mode |= Int32(dContactSlip1 | dContactSlip2)
                    contact.surface.slip1 = pair.frictionSlip
                    contact.surface.slip2 = pair.frictionSlip
                }
                break
            }
        }
        if let slip = creepSlip(sa.frictionCreep, of: bodyA, against: cb, points: found)
            ?? creepSlip(sb.frictionCreep, of: bodyB, against: ca, points: found) {
            let combined = contact.surface.mode & Int32(dContactSlip1) != 0 ? max(contact.surface.slip1, slip) : slip
            contact.surface.mode |= Int32(dContactSlip1 | dContactSlip2)
            contact.surface.slip1 = combined
            contact.surface.slip2 = combined
        }
        for i in 0..<found {
            guard count < capacity else {
                droppedInLastPass += found - i
                return
            }
            contact.geom = scratch[i]
            let joint = dJointCreateContact(world, group, &contact)
            dJointAttach(joint, bodyA, bodyB)
            count += 1
        }
    }

    /// The force-dependent slip per contact point that `creep` gives a geom of `body` against a
    /// geom of categories `other`, or `nil` when it does not apply (see `FrictionCreep`).
    private func creepSlip(_ creep: FrictionCreep?, of body: OpaquePointer?, against other: UInt, points: Int) -> Double? {
        guard let creep, let body, other & UInt(creep.againstCategories) != 0 else { return nil }
        var mass = dMass()
        dBodyGetMass(body, &mass)
        return creep.coefficient / (mass.mass * Double(points))
    }
}

private func nearCallback(_ data: UnsafeMutableRawPointer?, _ a: OpaquePointer?, _ b: OpaquePointer?) {
    guard let data, let a, let b else { return }
    // A collision cluster (sub-space) whose box overlaps the other geom: test its members.
    if dGeomIsSpace(a) != 0 || dGeomIsSpace(b) != 0 {
        dSpaceCollide2(a, b, data, nearCallback)
        return
    }
    Unmanaged<ContactGenerator>.fromOpaque(data).takeUnretainedValue().collide(a, b)
}
