extension PPOCheckpoint {
    /// Metadata keys naming the learner a checkpoint was written by. Written only when they
    /// differ from the old learner's (`joint`, `global`), so a checkpoint without them is one
    /// from before they existed and still resumes under a config that says `joint`/`global`.
    public enum LearnerKey {
        public static let optimizers = "optimizers"
        public static let advantageNormalization = "advantage_normalization"
    }

    /// The learner-mode metadata `config` writes.
    static func learnerMetadata(_ config: PPOConfig) -> [String: String] {
        var metadata: [String: String] = [:]
        if config.optimizers != .joint { metadata[LearnerKey.optimizers] = config.optimizers.rawValue }
        if config.advantageNormalization != .global { metadata[LearnerKey.advantageNormalization] = config.advantageNormalization.rawValue }
        return metadata
    }

    /// Why a checkpoint with `metadata` cannot resume under `config` because another learner
    /// wrote it (its optimiser state has another layout, or its advantages meant something
    /// else), or nil when both modes agree. Checked before the config hash, so the refusal
    /// names the setting to change instead of two hashes.
    public static func learnerMismatch(metadata: [String: String], config: PPOConfig) -> String? {
        let optimizers = metadata[LearnerKey.optimizers] ?? ActorCriticOptimizers.joint.rawValue
        let normalization = metadata[LearnerKey.advantageNormalization] ?? AdvantageNormalization.global.rawValue
        var written: [String] = [], configured: [String] = []
        if optimizers != config.optimizers.rawValue {
            written.append("ppo.optimizers: \(optimizers)")
            configured.append(config.optimizers.rawValue)
        }
        if normalization != config.advantageNormalization.rawValue {
            written.append("ppo.advantageNormalization: \(normalization)")
            configured.append(config.advantageNormalization.rawValue)
        }
        guard !written.isEmpty else { return nil }
        return "it was written with \(written.joined(separator: " and ")) but this run's config says \(configured.joined(separator: " and ")); "
            + "to resume it, set \(written.joined(separator: " and ")) in the run's config (checkpoints from before these keys "
            + "existed are joint and global), or start a new run"
    }
}
