/// The four moves. The raw value is the discrete action index `GridWorld.step(action:)` takes.
public enum GridAction: Int, CaseIterable, Sendable {
    case up = 0
    case right = 1
    case down = 2
    case left = 3
}

extension GridAction {
    /// How a continuous (Gaussian) policy drives the grid: the policy outputs one real number per
    /// action (an action vector of `GridWorld.actionCount` = 4 entries, in `GridAction` order) and the
    /// trainer steps the environment with the index of the largest entry. Ties go to the lowest index.
    /// NaN entries are never chosen. Returns nil when the vector does not hold exactly 4 entries or no
    /// entry is a number, so the caller can count and handle the bad state. The environment itself
    /// stays discrete.
    public static func argmax(_ values: UnsafeBufferPointer<Float>) -> Int? {
        guard values.count == GridWorld.actionCount else { return nil }
        var best: Int?
        var bestValue = -Float.infinity
        for index in 0..<values.count where !values[index].isNaN {
            if best == nil || values[index] > bestValue {
                best = index
                bestValue = values[index]
            }
        }
        return best
    }

    /// `argmax` over a `Double` action vector.
    public static func argmax(_ values: UnsafeBufferPointer<Double>) -> Int? {
        guard values.count == GridWorld.actionCount else { return nil }
        var best: Int?
        var bestValue = -Double.infinity
        for index in 0..<values.count where !values[index].isNaN {
            if best == nil || values[index] > bestValue {
                best = index
                bestValue = values[index]
            }
        }
        return best
    }
}
