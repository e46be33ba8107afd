/// 64-bit FNV-1a, the one stable hash behind config hashes stored in checkpoints, per-task seeds
/// and the determinism tests' state hashes. Unlike `Hasher` it is the same in every process
/// and build, so a value written today still matches tomorrow; changing it changes every
/// stored hash and seed.
public struct FNV1a: Sendable {
    /// FNV's 64-bit offset basis: the hash of no bytes.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// FNV's 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of everything combined so far.
    public private(set) var value: UInt64 = offsetBasis

    public init() {}

    /// Mixes in `bytes`, one byte a step (standard FNV-1a).
    public mutating func combine<Bytes: Sequence<UInt8>>(bytes: Bytes) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* Self.prime
        }
    }

    /// Mixes in a whole 64-bit word in one step (not standard FNV-1a, which goes byte by byte):
    /// the determinism tests hash observations' bit patterns this way.
    public mutating func combine(word: UInt64) {
        value ^= word
        value = value &* Self.prime
    }

    /// The FNV-1a hash of `bytes`.
    public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(bytes: bytes)
        return hasher.value
    }

    /// The FNV-1a hash of `bytes` in lowercase hexadecimal without leading zeros, as config
    /// hashes are stored.
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        String(hash(bytes), radix: 16)
    }
}
