import Foundation
import Physics

/// The plate of the plate-slide tasks and its cabinet (MetaWorld's `sawyer_plate_slide.xml` and
/// `sawyer_plate_slide_sideway.xml`; docs/tasks.md, 'The plate family').
///
/// The plate is a 10 × 10 × 3 cm box lying on the table on two slide joints, along world x
/// ([−0.2, 0.2]) and y ([0, 0.3]) from its channel at (0, 0.6, 0.015): it cannot rotate or leave
/// the table plane. Here a massless-in-effect carriage slides along x on the world and the plate
/// along y on the carriage (MetaWorld nests the two joints in one body). Each slide has damping 1;
/// the 0.001 kg armatures are folded into the masses (plate 0.051 kg, carriage 0.001 kg).
///
/// The cabinet is static, an open-front frame of thin capsules and panels the plate slides into
/// over its bottom rails until its back bar stops it. MetaWorld's panels are thin convex meshes;
/// here boxes (the slanted back panel a tilted box). Turned +90° about z for the -side tasks
/// (opening toward +x). It rides on a kinematic body so that layouts can move it.
struct PlateOnSlides {
    static let channel = SIMD3<Double>(0, 0.6, 0.015)
    /// MetaWorld's declared x range is [−0.2, 0.2], but its soft limit (about 2,550 N/m on the
    /// light plate) gives way under the hand: plate-slide-side's expert first succeeds at slides
    /// of −0.185 to −0.261, and with goals at x −0.25 to −0.3 most layouts need the plate past
    /// −0.2. Our stop sits at −0.33 instead, just beyond where the turned cabinet's back bar stops
    /// the plate (−0.32), so the cabinet ends the travel as it does in MuJoCo.
    static let declaredRangeX: ClosedRange<Double> = -0.2...0.2
    static let rangeX: ClosedRange<Double> = -0.33...0.2
    static let rangeY: ClosedRange<Double> = 0...0.3
    static let stopSoftness = 0.005

    enum Facing {
        /// Opening toward −y (plate-slide, plate-slide-back).
        case front
        /// Turned +90° about z, opening toward +x (the -side tasks).
        case side

        func world(_ v: SIMD3<Double>) -> SIMD3<Double> {
            switch self {
            case .front: v
            case .side: SIMD3(-v.y, v.x, v.z)
            }
        }

        var turn: Quaternion {
            switch self {
            case .front: .identity
            case .side: Quaternion(axis: SIMD3(0, 0, 1), angleRadians: .pi / 2)
            }
        }
    }

    let facing: Facing
    let carriage: BodyID
    let plate: BodyID
    let plateGeom: GeomID
    let jointX: JointID
    let jointY: JointID
    let cabinet: BodyID

    init(world: World, surfaces: TaskSurfaces, facing: Facing) throws {
        self.facing = facing
        var carriageDefinition = BodyDefinition(name: "plate_carriage")
        carriageDefinition.massKilograms = 0.001
        carriageDefinition.principalInertia = SIMD3(repeating: 1e-6)
        carriageDefinition.pose = Transform(position: Self.channel)
        carriage = try world.addBody(carriageDefinition)
        var plateDefinition = BodyDefinition(name: "puck")
        plateDefinition.massKilograms = 0.051
        plateDefinition.principalInertia = SIMD3(repeating: 1e-4)
        plateDefinition.pose = Transform(position: Self.channel)
        plate = try world.addBody(plateDefinition)
        plateGeom = try world.addGeom(GeomDefinition(
            name: "puck_geom", shape: .box(halfExtents: SIMD3(0.05, 0.05, 0.015)), body: plate,
            surface: surfaces.object, filter: CollisionGroups.objectFilter))
        var x = JointDefinition(name: "goal_slidex", kind: .slider(axis: SIMD3(1, 0, 0)), first: carriage, second: nil)
        x.lowerLimit = Self.rangeX.lowerBound
        x.upperLimit = Self.rangeX.upperBound
        x.damping = 1
        jointX = try world.addJoint(x)
        var y = JointDefinition(name: "goal_slidey", kind: .slider(axis: SIMD3(0, 1, 0)), first: plate, second: carriage)
        y.lowerLimit = Self.rangeY.lowerBound
        y.upperLimit = Self.rangeY.upperBound
        y.damping = 1
        jointY = try world.addJoint(y)

        var cabinetDefinition = BodyDefinition(name: "puck_goal")
        cabinetDefinition.isKinematic = true
        cabinetDefinition.pose = Transform(position: SIMD3(0, 0.85, 0))
        cabinet = try world.addBody(cabinetDefinition)
        let alongX = Quaternion(axis: SIMD3(0, 1, 0), angleRadians: .pi / 2)
        let alongY = Quaternion(axis: SIMD3(1, 0, 0), angleRadians: .pi / 2)
        // The back panel runs from (y 0.080, z 0.009) up to (y 0.0375, z 0.177): tilted toward
        // the opening by atan(0.0425 / 0.168).
        let backTilt = Quaternion(axis: SIMD3(1, 0, 0), angleRadians: -atan2(0.0425, 0.168))
        let parts: [(String, Shape, SIMD3<Double>, Quaternion)] = [
            ("rail_left", .capsule(radius: 0.008, halfLength: 0.073), SIMD3(-0.1, 0.004, 0.009), alongY),
            ("rail_right", .capsule(radius: 0.008, halfLength: 0.073), SIMD3(0.1, 0.004, 0.009), alongY),
            ("post_left", .capsule(radius: 0.008, halfLength: 0.082), SIMD3(-0.1, -0.0685, 0.091), .identity),
            ("post_right", .capsule(radius: 0.008, halfLength: 0.082), SIMD3(0.1, -0.0685, 0.091), .identity),
            ("top_bar", .capsule(radius: 0.008, halfLength: 0.1), SIMD3(0, -0.0685, 0.174), alongX),
            ("back_bar", .capsule(radius: 0.008, halfLength: 0.1), SIMD3(0, 0.077, 0.009), alongX),
            ("back_panel", .box(halfExtents: SIMD3(0.103, 0.002, 0.0867)), SIMD3(0, 0.059, 0.093), backTilt),
            ("side_left", .box(halfExtents: SIMD3(0.0035, 0.065, 0.084)), SIMD3(-0.1015, -0.005, 0.093), .identity),
            ("side_right", .box(halfExtents: SIMD3(0.0035, 0.065, 0.084)), SIMD3(0.1015, -0.005, 0.093), .identity),
            ("top_panel", .box(halfExtents: SIMD3(0.103, 0.054, 0.0025)), SIMD3(0, -0.016, 0.1765), .identity),
        ]
        let cluster = world.addCollisionCluster()
        for (name, shape, center, rotation) in parts {
            var geom = GeomDefinition(
                name: "cabinet_\(name)", shape: shape, body: cabinet,
                pose: Transform(position: facing.world(center), rotation: facing.turn * rotation),
                surface: surfaces.fixture, filter: CollisionGroups.sceneryFilter)
            geom.cluster = cluster
            _ = try world.addGeom(geom)
        }
    }

    /// Puts the cabinet's origin at `position` and the plate at slides (x, y), at rest.
    func place(cabinetAt position: SIMD3<Double>, slides: SIMD2<Double>, in world: World) {
        world.setPose(Transform(position: position), of: cabinet)
        world.setVelocity(of: cabinet)
        world.setPose(Transform(position: Self.channel + SIMD3(slides.x, 0, 0)), of: carriage)
        world.setVelocity(of: carriage)
        world.setPose(Transform(position: Self.channel + SIMD3(slides.x, slides.y, 0)), of: plate)
        world.setVelocity(of: plate)
    }

    func platePosition(in world: World) -> SIMD3<Double> { world.position(of: plate) }

    var jointRanges: [TaskJointRange] {
        [TaskJointRange(name: "goal_slidex", joint: jointX, range: Self.rangeX, softness: Self.stopSoftness),
         TaskJointRange(name: "goal_slidey", joint: jointY, range: Self.rangeY, softness: Self.stopSoftness)]
    }
}
