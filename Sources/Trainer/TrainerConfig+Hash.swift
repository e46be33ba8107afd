import Foundation

extension TrainerConfig {
    /// A stable hash (FNV-1a 64 over the sorted-key JSON, hex) of every setting that changes the
    /// run's numbers. `environmentThreads` is left out (every thread count gives the same numbers),
    /// and so is `ppo.seed`, which the trainer ignores (the run's `seed` derives it).
    public var learningConfigHash: String {
        var normalized = self
        normalized.environmentThreads = 1
        normalized.ppo.seed = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = (try? encoder.encode(normalized)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
