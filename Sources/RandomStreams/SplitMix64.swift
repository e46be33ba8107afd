/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator that expands one 64-bit seed
/// into well-mixed words. drats seeds every `Xoshiro256` through it and uses it directly where a
/// short stream is enough (task layouts, test data); same seed, same numbers, everywhere.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Double in [0, 1) from the top 53 bits.
    @inlinable
    public mutating func nextUnitInterval() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform value in [low, high).
    @inlinable
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * nextUnitInterval()
    }

    /// A stable 64-bit hash of a string (FNV-1a), for deriving per-task seeds.
    public static func hash(_ text: String) -> UInt64 { FNV1a.hash(text.utf8) }
}
