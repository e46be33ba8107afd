/// Euclidean length, summed x, y, z in that order like numpy's `norm` of a 3-vector.
@inlinable
func norm(_ v: SIMD3<Double>) -> Double {
    (v.x * v.x + v.y * v.y + v.z * v.z).squareRoot()
}

/// Length of `v` with its y component ignored (the x-z plane the caging rewards use).
@inlinable
func normXZ(_ v: SIMD3<Double>) -> Double {
    (v.x * v.x + v.z * v.z).squareRoot()
}
