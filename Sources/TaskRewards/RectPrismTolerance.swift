/// MetaWorld's `rect_prism_tolerance`: inside the axis-aligned box spanned by the corners `zero`
/// and `one` the value is the product over x, y, z of (p − zero)/(one − zero), which is 0 on the
/// `zero` faces and 1 at the `one` corner; outside the box it is 1. Peg-insert-side multiplies
/// it into its in-place reward to penalise a peg head pushing into the block face.
///
/// The box test is inclusive on both faces, whichever corner holds the smaller coordinate.
@inlinable
public func rectPrismTolerance(
    _ point: SIMD3<Double>, zero: SIMD3<Double>, one: SIMD3<Double>
) -> Double {
    @inline(__always) func inRange(_ a: Double, _ b: Double, _ c: Double) -> Bool {
        c >= b ? (b <= a && a <= c) : (c <= a && a <= b)
    }
    guard inRange(point.x, zero.x, one.x), inRange(point.y, zero.y, one.y),
          inRange(point.z, zero.z, one.z) else { return 1 }
    let scale = (point - zero) / (one - zero)
    return scale.x * scale.y * scale.z
}
