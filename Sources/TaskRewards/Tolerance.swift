/// The sigmoid that shapes `tolerance` outside its bounds. MetaWorld's MT10 rewards use only
/// these two of dm_control's eight; both are scaled so that s(0) = 1 and s(1) = 0.1.
public enum ToleranceSigmoid: Sendable {
    /// s(u) = 1 / (1 + 9u²): a heavy tail, so a far-away state still earns a small gradient.
    case longTail
    /// s(u) = exp(−u²·ln 10) = 10^(−u²): falls off much faster than the long tail.
    case gaussian
}

/// dm_control's `tolerance` as used by MetaWorld's v2 rewards (metaworld: `utils/reward_utils.py`).
///
/// Returns 1 when `lower ≤ x ≤ upper`; otherwise `sigmoid(d / margin)` where `d` is the distance
/// from `x` to the nearest bound, so the value is 0.1 at exactly `margin` outside the bounds.
/// A NaN `x` gives NaN, as in MetaWorld.
///
/// MetaWorld raises on a negative margin. A reward must never stop a training run, so here a
/// margin that is not positive (or NaN) behaves as MetaWorld's margin 0: a step from 1 inside
/// the bounds to 0 outside. In every MT10 formula the margin is positive for physical states.
@inlinable
public func tolerance(
    _ x: Double, lower: Double, upper: Double, margin: Double,
    sigmoid: ToleranceSigmoid = .longTail
) -> Double {
    if lower <= x && x <= upper { return 1 }
    if x.isNaN { return .nan }
    guard margin > 0 else { return 0 }
    let d = (x < lower ? lower - x : x - upper) / margin
    switch sigmoid {
    case .longTail:
        // Same arithmetic as reward_utils: scale = sqrt(1/0.1 − 1) = 3.
        let scaled = d * longTailScale
        return 1 / (scaled * scaled + 1)
    case .gaussian:
        // Same arithmetic as reward_utils: scale = sqrt(−2·ln 0.1), value exp(−½(d·scale)²).
        let scaled = d * gaussianScale
        return _exp(-0.5 * (scaled * scaled))
    }
}

/// sqrt(1 / 0.1 − 1), the long-tail scale for a value of 0.1 at the margin.
@usableFromInline let longTailScale: Double = (1.0 / 0.1 - 1.0).squareRoot()
/// sqrt(−2·ln 0.1), the gaussian scale for a value of 0.1 at the margin.
@usableFromInline let gaussianScale: Double = (-2.0 * _log(0.1)).squareRoot()
