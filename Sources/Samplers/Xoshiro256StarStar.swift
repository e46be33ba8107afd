/// The sampler's random number generator: xoshiro256** (Blackman & Vigna), seeded through
/// SplitMix64. Its four state words are its whole state, so a saved copy continues exactly.
public struct Xoshiro256StarStar: RandomNumberGenerator, Equatable, Sendable {
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Expands `seed` with SplitMix64, as the xoshiro authors recommend, so that nearby seeds
    /// give unrelated streams and no seed yields the forbidden all-zero state.
    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// Restores a generator from saved state words; nil for the all-zero state, which xoshiro
    /// can never leave.
    public init?(stateWords: [UInt64]) {
        guard stateWords.count == 4, stateWords.contains(where: { $0 != 0 }) else { return nil }
        state = (stateWords[0], stateWords[1], stateWords[2], stateWords[3])
    }

    public var stateWords: [UInt64] { [state.0, state.1, state.2, state.3] }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform draw from [0, 1) with 53 random bits.
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.stateWords == rhs.stateWords
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

/// Encoded as four hexadecimal strings: JSON numbers lose integers above 2^53 in many readers.
extension Xoshiro256StarStar: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let texts = try container.decode([String].self)
        let words = texts.compactMap { UInt64($0, radix: 16) }
        guard words.count == 4, texts.count == 4, let restored = Self(stateWords: words) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "random generator state must be 4 non-zero-in-total hexadecimal UInt64 words, got \(texts)")
        }
        self = restored
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stateWords.map { String($0, radix: 16) })
    }
}
