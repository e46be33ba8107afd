/// The trainer checkpoint format: a PPO agent checkpoint (`PPOCheckpoint`: its tensors and
/// metadata unchanged, so `PPOAgent.restore` and the Python loader read the policy from it) plus
/// the rest of the run's state under the names below.
///
/// Metadata (strings): `trainer_format`, `trainer_format_version`, `trainer_config_hash`
/// (`TrainerConfig.learningConfigHash`), `trainer_config` (the config as JSON), `task_names`
/// (JSON array), `sampler_state` (the `TaskSampler` as JSON, config and state), `global_step`,
/// `iteration`.
///
/// Tensors, for `numEnvs` training slots: `trainer.next_observations` F32 [numEnvs,
/// observationSize], `trainer.next_dones` F32 [numEnvs], `trainer.slot_tasks` I32 [numEnvs],
/// `trainer.episode_returns` F64, `trainer.episode_successes` U8 (0 or 1),
/// `trainer.episode_lengths` I64 (each [numEnvs]); each slot's `SlotState` arrays as
/// `trainer.slots.<i>.<name>` and each evaluation slot's as `trainer.evaluation_slots.<i>.<name>`
/// (I64 or F32, one-dimensional).
public enum TrainerCheckpoint {
    public static let formatName = "drats-trainer"
    /// Bumped whenever names, shapes or metadata change meaning.
    public static let formatVersion = "1"

    /// Metadata keys.
    public enum MetadataKey {
        public static let format = "trainer_format"
        public static let formatVersion = "trainer_format_version"
        public static let configHash = "trainer_config_hash"
        public static let config = "trainer_config"
        public static let taskNames = "task_names"
        public static let samplerState = "sampler_state"
        public static let globalStep = "global_step"
        public static let iteration = "iteration"
    }

    /// Tensor names.
    public enum TensorName {
        public static let nextObservations = "trainer.next_observations"
        public static let nextDones = "trainer.next_dones"
        public static let slotTasks = "trainer.slot_tasks"
        public static let episodeReturns = "trainer.episode_returns"
        public static let episodeSuccesses = "trainer.episode_successes"
        public static let episodeLengths = "trainer.episode_lengths"
        /// The prefix of training slot `index`'s state arrays.
        public static func slotPrefix(_ index: Int) -> String { "trainer.slots.\(index)." }
        /// The prefix of evaluation slot `index`'s state arrays.
        public static func evaluationSlotPrefix(_ index: Int) -> String { "trainer.evaluation_slots.\(index)." }
    }
}
