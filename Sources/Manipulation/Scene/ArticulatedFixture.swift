import Physics

/// A piece of furniture placed anew by every layout: a static housing (cabinet, window frame)
/// and one part moving on a hinge or slider (door leaf, window pane).
///
/// The housing's boxes ride on a hidden kinematic base body and the joint connects the part to
/// that base, so a layout moves base and part together with two pose writes and the joint keeps
/// its zero: a joint to the static world would pin its anchor where the model was built.
struct ArticulatedFixture {
    /// How the part moves relative to the base.
    enum Motion {
        /// About the world z axis through the part's frame origin (door hinge).
        case hingeAboutZ
        /// About the world y axis through the part's frame origin (door-lock's lever).
        case hingeAboutY
        /// Along the world x axis (window slide).
        case slideAlongX
    }

    /// A collision geom of the housing, in the base frame.
    typealias HousingBox = HousingGeom

    /// A collision shape of the moving part, in the part frame.
    struct PartGeom {
        var name: String
        var shape: Shape
        var pose: Transform
    }

    /// Category of moving parts: they collide with the gripper only. In MetaWorld the leaf and
    /// pane geoms (contype 1) could also touch their housing and the table, but inside the joint
    /// range they never do: the door leaf keeps 3-8 mm from the cabinet's walls and plates and
    /// 2.7 cm above the table; the pane keeps 1 mm from the frame posts at either end of its
    /// travel (that contact, with the soft limit, is what halts MuJoCo's pane at 0.203). Our
    /// stops are stiff (≤ 1.2 mm past 0.2 in play), so they do that job alone, and the part's
    /// geoms need no pair tests against the housing's.
    static let movingPartCategory: UInt32 = 1 << 4
    static let movingPartFilter = CollisionFilter(category: movingPartCategory, collidesWith: CollisionGroups.gripper)

    /// How far a joint may pass its stop: ODE stops are stiff (the world's ERP/CFM) where
    /// MuJoCo's are soft, and neither door nor window needs an overrun to succeed (see the
    /// decisions in `DoorCabinet` and `SlidingWindow`). What remains is the penetration the
    /// stop's constraint corrects over a few steps. Measured (`ArticulatedFixtureTests`): in
    /// random and scripted play ≤ 0.002 rad and ≤ 1.2 mm; a door slammed at 40 rad/s passes its
    /// stop by 0.022 rad, a pane thrown at 2 m/s by 3 mm (at 4 m/s by 5 mm).
    static let hingeStopSoftness = 0.03
    static let slideStopSoftness = 0.005

    let base: BodyID
    let part: BodyID
    let joint: JointID
    let motion: Motion
    /// The part frame relative to the base frame with the joint at zero.
    let partOffset: SIMD3<Double>
    /// The first geom of the part (the one the reward calls the main object).
    let firstPartGeom: GeomID

    /// Builds the fixture with its base at `buildPosition` and the joint at zero.
    init(world: World, name: String, buildPosition: SIMD3<Double>, housing: [HousingBox],
         housingSurface: SurfaceParameters, part: BodyDefinition, partOffset: SIMD3<Double>,
         partGeoms: [PartGeom], partSurface: SurfaceParameters, motion: Motion,
         range: ClosedRange<Double>, damping: Double) throws {
        var baseDefinition = BodyDefinition(name: "\(name)_base")
        baseDefinition.isKinematic = true
        baseDefinition.pose = Transform(position: buildPosition)
        base = try world.addBody(baseDefinition)
        // One collision cluster for the whole fixture: the broad phase meets its ~20 geoms only
        // where the fixture's bounding box overlaps something (in practice the gripper), instead
        // of pairing each of them with every other geom on every substep. Housing and part never
        // touch each other anyway (see `movingPartFilter`).
        let cluster = world.addCollisionCluster()
        for box in housing {
            var geom = GeomDefinition(
                name: box.name, shape: box.shape, body: base,
                pose: Transform(position: box.center, rotation: box.rotation), surface: housingSurface, filter: CollisionGroups.sceneryFilter)
            geom.cluster = cluster
            _ = try world.addGeom(geom)
        }
        var partDefinition = part
        partDefinition.pose = Transform(position: buildPosition + partOffset)
        self.part = try world.addBody(partDefinition)
        var first: GeomID?
        for geom in partGeoms {
            var definition = GeomDefinition(
                name: geom.name, shape: geom.shape, body: self.part, pose: geom.pose,
                surface: partSurface, filter: Self.movingPartFilter)
            definition.cluster = cluster
            let id = try world.addGeom(definition)
            if first == nil { first = id }
        }
        guard let first else {
            throw PhysicsError.invalidParameter(name: "\(name).partGeoms", value: 0, expected: "at least one geom")
        }
        firstPartGeom = first
        let kind: JointDefinition.Kind = switch motion {
        case .hingeAboutZ: .hinge(anchor: buildPosition + partOffset, axis: SIMD3(0, 0, 1))
        case .hingeAboutY: .hinge(anchor: buildPosition + partOffset, axis: SIMD3(0, 1, 0))
        case .slideAlongX: .slider(axis: SIMD3(1, 0, 0))
        }
        // The kinematic base comes first: ODE's hinge angle and slider position then have the
        // sign of a rotation / displacement of the part about / along the axis, as in MuJoCo.
        var jointDefinition = JointDefinition(name: "\(name)_joint", kind: kind, first: self.part, second: base)
        jointDefinition.lowerLimit = range.lowerBound
        jointDefinition.upperLimit = range.upperBound
        jointDefinition.damping = damping
        joint = try world.addJoint(jointDefinition)
        self.motion = motion
        self.partOffset = partOffset
    }

    /// Moves the whole fixture so that its base sits at `position`, with the joint at `q`
    /// (rad or m) and everything at rest.
    func place(at position: SIMD3<Double>, jointPosition q: Double, in world: World) {
        world.setPose(Transform(position: position), of: base)
        world.setVelocity(of: base)
        world.setPose(partPose(basePosition: position, jointPosition: q), of: part)
        world.setVelocity(of: part)
    }

    /// The part frame's world pose for a base position and joint coordinate.
    func partPose(basePosition: SIMD3<Double>, jointPosition q: Double) -> Transform {
        switch motion {
        case .hingeAboutZ:
            Transform(position: basePosition + partOffset, rotation: Quaternion(axis: SIMD3(0, 0, 1), angleRadians: q))
        case .hingeAboutY:
            Transform(position: basePosition + partOffset, rotation: Quaternion(axis: SIMD3(0, 1, 0), angleRadians: q))
        case .slideAlongX:
            Transform(position: basePosition + partOffset + SIMD3(q, 0, 0))
        }
    }

    /// The joint coordinate: hinge angle (rad) or slide (m).
    func jointPosition(in world: World) -> Double { world.jointPosition(joint) }
}
