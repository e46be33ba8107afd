#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// xoshiro256** (Blackman & Vigna): the small, fast, seeded generator drats uses for every
/// stream that must be reproducible (never the system one). Its four state words are its whole
/// state, so a checkpointed copy continues exactly.
public struct Xoshiro256: RandomNumberGenerator, Equatable, Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// Expands `seed` with SplitMix64, as the xoshiro authors recommend, so that nearby seeds
    /// give unrelated streams and no seed yields the forbidden all-zero state.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// The four state words, for checkpoints (resuming restores the exact stream).
    public var state: [UInt64] { [s0, s1, s2, s3] }

    /// Resumes from `state`; nil unless it has four words, not all zero (xoshiro can never leave
    /// the all-zero state).
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

/// Encoded as four hexadecimal strings: JSON numbers lose integers above 2^53 in many readers.
extension Xoshiro256: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let texts = try container.decode([String].self)
        let words = texts.compactMap { UInt64($0, radix: 16) }
        guard words.count == 4, texts.count == 4, let restored = Self(state: words) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "random generator state must be 4 non-zero-in-total hexadecimal UInt64 words, got \(texts)")
        }
        self = restored
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(state.map { String($0, radix: 16) })
    }
}
