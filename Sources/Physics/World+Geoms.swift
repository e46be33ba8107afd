internal import CSystemODE

extension World {
    /// Adds a collision shape; attached to `definition.body` or static when that is nil.
    public func addGeom(_ definition: GeomDefinition) throws -> GeomID {
        let geom: OpaquePointer
        if let cluster = definition.cluster, cluster.index >= clusters.count {
            throw PhysicsError.invalidParameter(name: "\(definition.name).cluster", value: Double(cluster.index), expected: "a cluster made by addCollisionCluster()")
        }
        let space = definition.cluster.map { clusters[$0.index] } ?? self.space
        switch definition.shape {
        case let .box(h):
            guard h.x > 0, h.y > 0, h.z > 0 else {
                throw PhysicsError.invalidParameter(name: "\(definition.name).halfExtents", value: min(h.x, h.y, h.z), expected: "all > 0")
            }
            geom = dCreateBox(space, 2 * h.x, 2 * h.y, 2 * h.z)
        case let .sphere(radius):
            guard radius > 0 else { throw PhysicsError.invalidParameter(name: "\(definition.name).radius", value: radius, expected: "> 0") }
            geom = dCreateSphere(space, radius)
        case let .cylinder(radius, halfLength):
            guard radius > 0, halfLength > 0 else {
                throw PhysicsError.invalidParameter(name: "\(definition.name).radius/halfLength", value: min(radius, halfLength), expected: "> 0")
            }
            geom = dCreateCylinder(space, radius, 2 * halfLength)
        case let .capsule(radius, halfLength):
            guard radius > 0, halfLength >= 0 else {
                throw PhysicsError.invalidParameter(name: "\(definition.name).radius/halfLength", value: min(radius, halfLength), expected: "radius > 0, halfLength >= 0")
            }
            geom = dCreateCapsule(space, radius, 2 * halfLength)
        case let .plane(normal, offset):
            guard definition.body == nil else {
                throw PhysicsError.invalidParameter(name: "\(definition.name).body", value: Double(definition.body!.index), expected: "nil: planes are static")
            }
            geom = dCreatePlane(space, normal.x, normal.y, normal.z, offset)
        }
        let r = definition.pose.rotation.normalized
        if let body = definition.body {
            guard body.index < bodies.count else { throw PhysicsError.unknownBody(index: body.index) }
            dGeomSetBody(geom, bodies[body.index])
            let p = definition.pose.position - centerOffsets[body.index]
            dGeomSetOffsetPosition(geom, p.x, p.y, p.z)
            withQuaternion(r) { dGeomSetOffsetQuaternion(geom, $0) }
        } else if case .plane = definition.shape {
        } else {
            let p = definition.pose.position
            dGeomSetPosition(geom, p.x, p.y, p.z)
            withQuaternion(r) { dGeomSetQuaternion(geom, $0) }
        }
        dGeomSetCategoryBits(geom, UInt(definition.filter.category))
        dGeomSetCollideBits(geom, UInt(definition.filter.collidesWith))
        geoms.append(geom)
        geomNames.append(definition.name)
        contacts.surfaces.append(definition.surface)
        dGeomSetData(geom, UnsafeMutableRawPointer(bitPattern: geoms.count))
        return GeomID(index: geoms.count - 1)
    }

    /// Adds an empty collision cluster; geoms join it through `GeomDefinition.cluster`. Useful for
    /// many geoms that rarely meet anything, e.g. a cabinet's boxes.
    public func addCollisionCluster() -> CollisionClusterID {
        let cluster = dSimpleSpaceCreate(space)!
        clusters.append(cluster)
        return CollisionClusterID(index: clusters.count - 1)
    }

    /// World position of a geom's centre.
    public func position(of geom: GeomID) -> SIMD3<Double> {
        let p = dGeomGetPosition(geoms[geom.index])!
        return SIMD3(p[0], p[1], p[2])
    }

    /// Moves a static geom (scenery placed per layout).
    public func setStaticPose(_ pose: Transform, of geom: GeomID) {
        let g = geoms[geom.index]
        let r = pose.rotation.normalized
        dGeomSetPosition(g, pose.position.x, pose.position.y, pose.position.z)
        withQuaternion(r) { dGeomSetQuaternion(g, $0) }
    }

    /// Whether the two geoms were in contact during the most recent step.
    public func areTouching(_ a: GeomID, _ b: GeomID) -> Bool {
        let pairs = contacts.touchingPairs
        for i in 0..<contacts.touchingPairCount {
            let (x, y) = pairs[i]
            if (Int(x) == a.index && Int(y) == b.index) || (Int(x) == b.index && Int(y) == a.index) { return true }
        }
        return false
    }

    /// Changes the contact properties of a geom.
    public func setSurface(_ surface: SurfaceParameters, of geom: GeomID) {
        contacts.surfaces[geom.index] = surface
    }
}
