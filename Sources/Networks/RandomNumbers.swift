/// SplitMix64: expands one 64-bit seed into well-mixed words (used to seed `Xoshiro256`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256**: the small, fast, seeded generator drats uses everywhere (never the system one),
/// so that the same seed gives the same numbers.
public struct Xoshiro256: RandomNumberGenerator, Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// The four state words, for checkpoints (resuming restores the exact stream).
    public var state: [UInt64] { [s0, s1, s2, s3] }

    /// Resumes from `state`; nil unless it has four words, not all zero (an all-zero state is stuck).
    public init?(state: [UInt64]) {
        guard state.count == 4, state.contains(where: { $0 != 0 }) else { return nil }
        s0 = state[0]; s1 = state[1]; s2 = state[2]; s3 = state[3]
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    @usableFromInline
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform Double in [0, 1) from the top 53 bits.
    @inlinable
    public mutating func nextUnitInterval() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A standard normal sample (Box-Muller; the second value is discarded for simplicity).
    @inlinable
    public mutating func nextGaussian() -> Double {
        let u1 = 1.0 - nextUnitInterval()   // in (0, 1], so the log is finite
        let u2 = nextUnitInterval()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
