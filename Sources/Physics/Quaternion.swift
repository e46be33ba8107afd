import Foundation

/// A rotation as a unit quaternion, scalar first: (w, x, y, z), the order ODE and MuJoCo use.
public struct Quaternion: Sendable, Equatable, Hashable {
    public var w: Double
    public var x: Double
    public var y: Double
    public var z: Double

    public init(w: Double, x: Double, y: Double, z: Double) {
        self.w = w; self.x = x; self.y = y; self.z = z
    }

    /// The identity rotation.
    public static let identity = Quaternion(w: 1, x: 0, y: 0, z: 0)

    /// A rotation of `angleRadians` about `axis` (need not be unit length, must be non-zero).
    public init(axis: SIMD3<Double>, angleRadians: Double) {
        let length = (axis * axis).sum().squareRoot()
        let s = sin(angleRadians / 2) / (length > 0 ? length : 1)
        self.init(w: cos(angleRadians / 2), x: axis.x * s, y: axis.y * s, z: axis.z * s)
    }

    public var conjugate: Quaternion { Quaternion(w: w, x: -x, y: -y, z: -z) }

    public var norm: Double { (w * w + x * x + y * y + z * z).squareRoot() }

    /// This rotation scaled to unit length (identity when the norm is zero or not finite).
    public var normalized: Quaternion {
        let n = norm
        guard n > 0, n.isFinite else { return .identity }
        return Quaternion(w: w / n, x: x / n, y: y / n, z: z / n)
    }

    /// Hamilton product: `(a * b).rotate(v) == a.rotate(b.rotate(v))`.
    public static func * (a: Quaternion, b: Quaternion) -> Quaternion {
        Quaternion(
            w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
            x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
            y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
            z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w)
    }

    /// `v` rotated by this (unit) quaternion.
    public func rotate(_ v: SIMD3<Double>) -> SIMD3<Double> {
        let u = SIMD3(x, y, z)
        let t = 2 * cross(u, v)
        return v + w * t + cross(u, t)
    }

    /// The angle in radians between this rotation and `other`, in [0, π].
    public func angle(to other: Quaternion) -> Double {
        let d = abs(w * other.w + x * other.x + y * other.y + z * other.z)
        return 2 * acos(Swift.min(1, d))
    }
}

/// The cross product of two vectors.
@inlinable public func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

/// The Euclidean length of a vector.
@inlinable public func length(_ v: SIMD3<Double>) -> Double { (v * v).sum().squareRoot() }

