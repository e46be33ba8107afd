import Foundation
import PPO
import RandomStreams

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
        return FNV1a.hex((try? encoder.encode(normalized)) ?? Data())
    }
}
