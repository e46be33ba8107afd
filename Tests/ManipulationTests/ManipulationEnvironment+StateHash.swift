@testable import Manipulation
import RandomStreams

extension ManipulationEnvironment {
    /// The recorded "state hash" of the determinism tests: FNV-1a's offset and prime applied to
    /// whole 64-bit observation values, so any changed bit of the observation changes it.
    var observationHash: UInt64 {
        var hash = FNV1a()
        for value in observation { hash.combine(word: value.bitPattern) }
        return hash.value
    }
}
