@testable import Manipulation

extension ManipulationEnvironment {
    /// The recorded "state hash" of the determinism tests: FNV-1a's offset and prime applied to
    /// whole 64-bit observation values, so any changed bit of the observation changes it.
    var observationHash: UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in observation {
            hash ^= value.bitPattern
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
