/// A rigid transform: a rotation followed by a translation (metres).
public struct Transform: Sendable, Equatable {
    public var position: SIMD3<Double>
    public var rotation: Quaternion

    public init(position: SIMD3<Double> = .zero, rotation: Quaternion = .identity) {
        self.position = position
        self.rotation = rotation
    }

    public static let identity = Transform()

    /// `a * b` maps a point from `b`'s frame to the frame `a` is expressed in.
    public static func * (a: Transform, b: Transform) -> Transform {
        Transform(position: a.position + a.rotation.rotate(b.position), rotation: (a.rotation * b.rotation).normalized)
    }

    public var inverse: Transform {
        let r = rotation.conjugate
        return Transform(position: -r.rotate(position), rotation: r)
    }

    /// A point given in this frame, expressed in the parent frame.
    public func apply(_ point: SIMD3<Double>) -> SIMD3<Double> { position + rotation.rotate(point) }
}
