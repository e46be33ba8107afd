extension World {
    /// Makes every contact between a geom of category `a` and a geom of category `b` (collision
    /// filter categories, any bit in common) a spring-damper of its own, instead of the softer of
    /// the two geoms' surfaces; friction still mixes as usual. MuJoCo's explicit contact pairs do
    /// the same. Stiffness in N/m, damping in N·s/m, both applied implicitly (ERP/CFM), so any
    /// finite stiffness is stable. `frictionSlip` ((m/s)/N, ODE's force-dependent slip) lets the
    /// friction rows creep at that speed per newton instead of holding rigidly: it regularises
    /// them, which keeps ODE's exact LCP solver from failing ("LCP internal error, s <= 0") when
    /// many coplanar contacts on a light body carry large forces. A later setting for the same
    /// categories replaces an earlier one.
    public func setContactSpringDamper(stiffness: Double, damping: Double, frictionSlip: Double = 0, betweenCategories a: UInt32, and b: UInt32) throws {
        guard stiffness > 0, stiffness.isFinite else {
            throw PhysicsError.invalidParameter(name: "contact pair stiffness", value: stiffness, expected: "a finite value > 0 (N/m)")
        }
        guard damping >= 0, damping.isFinite else {
            throw PhysicsError.invalidParameter(name: "contact pair damping", value: damping, expected: "a finite value >= 0 (N·s/m)")
        }
        guard frictionSlip >= 0, frictionSlip.isFinite else {
            throw PhysicsError.invalidParameter(name: "contact pair friction slip", value: frictionSlip, expected: "a finite value >= 0 ((m/s)/N)")
        }
        guard a != 0, b != 0 else {
            throw PhysicsError.invalidParameter(name: "contact pair category", value: Double(a == 0 ? a : b), expected: "a non-zero category bit mask")
        }
        let surface = SurfaceParameters.springDamper(stiffness: stiffness, damping: damping, timestepSeconds: definition.timestepSeconds, friction: 1)
        let pair = ContactGenerator.PairSoftness(
            categoryA: UInt(a), categoryB: UInt(b),
            errorReduction: surface.errorReduction, constraintForceMixing: surface.constraintForceMixing, frictionSlip: frictionSlip)
        if let index = contacts.pairSoftness.firstIndex(where: { ($0.categoryA, $0.categoryB) == (pair.categoryA, pair.categoryB) || ($0.categoryA, $0.categoryB) == (pair.categoryB, pair.categoryA) }) {
            contacts.pairSoftness[index] = pair
        } else {
            contacts.pairSoftness.append(pair)
        }
    }

    /// Generates at most `maxPoints` contact points (instead of `WorldDefinition.maxContactsPerPair`)
    /// for each touching pair of a geom of category `a` and one of category `b`. Each contact
    /// point adds three rows (normal and two friction directions) to the exact solver, whose cost
    /// grows with the square of its size; where a pair's orientation is held by joints anyway, two
    /// points carry the push as well as four. ODE keeps the deepest, most spread-out points. A later
    /// setting for the same categories replaces an earlier one.
    public func setContactPointLimit(_ maxPoints: Int, betweenCategories a: UInt32, and b: UInt32) throws {
        guard maxPoints >= 1, maxPoints <= definition.maxContactsPerPair else {
            throw PhysicsError.invalidParameter(name: "contact pair point limit", value: Double(maxPoints), expected: "1...\(definition.maxContactsPerPair) (maxContactsPerPair)")
        }
        guard a != 0, b != 0 else {
            throw PhysicsError.invalidParameter(name: "contact pair category", value: Double(a == 0 ? a : b), expected: "a non-zero category bit mask")
        }
        let limit = ContactGenerator.PairPointLimit(categoryA: UInt(a), categoryB: UInt(b), maxPoints: maxPoints)
        if let index = contacts.pairPointLimits.firstIndex(where: { ($0.categoryA, $0.categoryB) == (limit.categoryA, limit.categoryB) || ($0.categoryA, $0.categoryB) == (limit.categoryB, limit.categoryA) }) {
            contacts.pairPointLimits[index] = limit
        } else {
            contacts.pairPointLimits.append(limit)
        }
    }
}
