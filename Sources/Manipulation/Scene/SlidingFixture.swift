import Physics

/// A static housing (drawer case, button box) with one part on a slide joint (drawer, button).
///
/// The housing's boxes ride on a hidden kinematic base body and the slider joins the part to
/// that base, so a layout moves base and part together with two pose writes and the joint keeps
/// its zero; a slider to the static world would pin the part to where the model was built.
struct SlidingFixture {
    /// A collision geom of the housing, in the base frame.
    typealias HousingBox = HousingGeom

    /// A collision shape of the sliding part, in the part frame.
    struct PartGeom {
        var name: String
        var shape: Shape
        var pose: Transform = .identity
    }

    /// Category of sliding parts. In MetaWorld the drawer and the button are children of their
    /// housing body, and MuJoCo never collides a body with its parent: the part passes through
    /// its housing and touches only the gripper.
    static let slidingPartCategory: UInt32 = 1 << 5
    static let slidingPartFilter = CollisionFilter(category: slidingPartCategory, collidesWith: CollisionGroups.gripper)

    let base: BodyID
    let part: BodyID
    let joint: JointID
    /// Unit slide direction (world); the joint coordinate grows along it.
    let axis: SIMD3<Double>
    /// The part frame relative to the base frame with the joint at zero.
    let partOffset: SIMD3<Double>
    /// The part's geoms in the order given.
    let partGeoms: [GeomID]

    /// Builds the fixture with its base at `buildPosition` and the joint at zero. `range` is the
    /// joint's travel (m) including any softness the task decides to model as travel; `spring`
    /// is the joint's MuJoCo `stiffness` (N/m) and `springref` (m), if it has one.
    init(world: World, name: String, buildPosition: SIMD3<Double>, housing: [HousingBox],
         housingSurface: SurfaceParameters, part: BodyDefinition, partOffset: SIMD3<Double>,
         partGeoms: [PartGeom], partSurface: SurfaceParameters, axis: SIMD3<Double>,
         range: ClosedRange<Double>, dampingNewtonSecondsPerMetre: Double,
         spring: (stiffness: Double, reference: Double)? = nil) throws {
        var baseDefinition = BodyDefinition(name: "\(name)_base")
        baseDefinition.isKinematic = true
        baseDefinition.pose = Transform(position: buildPosition)
        base = try world.addBody(baseDefinition)
        for box in housing {
            _ = try world.addGeom(GeomDefinition(
                name: box.name, shape: box.shape, body: base,
                pose: Transform(position: box.center, rotation: box.rotation), surface: housingSurface, filter: CollisionGroups.sceneryFilter))
        }
        var partDefinition = part
        partDefinition.pose = Transform(position: buildPosition + partOffset)
        self.part = try world.addBody(partDefinition)
        var geoms: [GeomID] = []
        for geom in partGeoms {
            geoms.append(try world.addGeom(GeomDefinition(
                name: geom.name, shape: geom.shape, body: self.part, pose: geom.pose,
                surface: partSurface, filter: Self.slidingPartFilter)))
        }
        guard !geoms.isEmpty else {
            throw PhysicsError.invalidParameter(name: "\(name).partGeoms", value: 0, expected: "at least one geom")
        }
        self.partGeoms = geoms
        // The part comes first: ODE's slider position is then the part's displacement along
        // the axis relative to the base, with MuJoCo's sign.
        var jointDefinition = JointDefinition(name: "\(name)_joint", kind: .slider(axis: axis), first: self.part, second: base)
        jointDefinition.lowerLimit = range.lowerBound
        jointDefinition.upperLimit = range.upperBound
        jointDefinition.damping = dampingNewtonSecondsPerMetre
        jointDefinition.spring = spring
        joint = try world.addJoint(jointDefinition)
        self.axis = axis
        self.partOffset = partOffset
    }

    /// Moves the whole fixture so that its base sits at `position`, with the slide at `q` (m)
    /// and everything at rest.
    func place(at position: SIMD3<Double>, slide q: Double, in world: World) {
        world.setPose(Transform(position: position), of: base)
        world.setVelocity(of: base)
        world.setPose(Transform(position: position + partOffset + axis * q), of: part)
        world.setVelocity(of: part)
    }

    /// The slide (m) relative to the build pose.
    func slide(in world: World) -> Double { world.jointPosition(joint) }
}
