/// The Hamacher t-norm H(a, b) = a·b / (a + b − a·b), MetaWorld's "soft AND" of two rewards in
/// [0, 1] (metaworld: `reward_utils.hamacher_product`). H(a, 1) = a, H(a, 0) = 0, and
/// H(0, 0) = 0 because the denominator is 0 there.
///
/// MetaWorld raises when an argument leaves [0, 1]; that can only happen here through a
/// physically odd observation (e.g. a gripper reading above 1 in button-press-topdown's
/// `1 − obs[3]`), so arguments are clamped to [0, 1] instead of stopping training.
/// A NaN argument gives NaN so that a broken state is visible rather than hidden.
@inlinable
public func hamacher(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    let a = min(max(a, 0), 1)
    let b = min(max(b, 0), 1)
    let denominator = a + b - a * b
    return denominator > 0 ? (a * b) / denominator : 0
}
