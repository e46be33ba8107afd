/// One environment slot of a multi-task run: a simulator that can play any of `taskCount` tasks,
/// one episode at a time. The trainer owns N slots, draws each episode's task from its
/// `TaskSampler`, and appends the one-hot task id to the observation itself, so a slot writes
/// only its own `observationSize` values.
///
/// Contract (MuJoCo style: all memory allocated when the slot is built, none per call):
/// - `reset(task:observation:)` starts an episode of `task` (0..<taskCount) and writes its first
///   observation into exactly `observationSize` values.
/// - `step(action:observation:)` applies `actionSize` action values (unclipped Gaussian samples;
///   the slot clips or maps them) and writes the next observation. When the episode ends
///   (`terminated` or `truncated`), the observation written is the final one; the trainer then
///   calls `reset` before stepping again.
/// - `resetForEvaluation(task:episode:observation:)` starts episode `episode` (0, 1, ...) of a
///   deterministic evaluation; a slot with fixed evaluation layouts picks one from the index
///   (default: `reset`).
/// - Slots are independent of one another: the trainer steps them on different threads (each
///   slot on one thread at a time), so a slot must not share mutable state with another.
/// - `faultCount` counts episodes the simulation ended by a numerical fault (default 0); the
///   trainer reports the training slots' sum as `charts/environment_faults`.
/// - `checkpointState()` captures, between two calls (never during one), everything the slot's
///   future outputs depend on: the current episode, generator states, counters. `restore(from:
///   observation:)` on a slot built with the same settings makes it continue exactly as the saved
///   one would (same observations, rewards, layouts of later resets) and writes the current
///   observation, which the trainer compares with the one it saved. On error the slot may be
///   left changed; the trainer then restores its own saved state of the slot.
/// - Errors are for misuse or a broken simulation; the trainer stops the run and reports them.
public protocol MultiTaskEnvironmentSlot {
    /// Values the slot writes per observation (without the task one-hot).
    var observationSize: Int { get }
    /// Values per action.
    var actionSize: Int { get }
    /// Number of tasks the slot can play.
    var taskCount: Int { get }

    mutating func reset(task: Int, observation: UnsafeMutableBufferPointer<Float>) throws
    mutating func step(action: UnsafeBufferPointer<Float>, observation: UnsafeMutableBufferPointer<Float>) throws -> SlotStep
    mutating func resetForEvaluation(task: Int, episode: Int, observation: UnsafeMutableBufferPointer<Float>) throws
    var faultCount: Int { get }
    func checkpointState() throws -> SlotState
    mutating func restore(from state: SlotState, observation: UnsafeMutableBufferPointer<Float>) throws
}

extension MultiTaskEnvironmentSlot {
    /// Evaluation episodes start like training ones.
    public mutating func resetForEvaluation(task: Int, episode: Int, observation: UnsafeMutableBufferPointer<Float>) throws {
        try reset(task: task, observation: observation)
    }

    /// A slot whose simulation cannot fault.
    public var faultCount: Int { 0 }
}

/// What one `step` of a slot produced.
public struct SlotStep: Sendable, Equatable {
    /// The step's reward, in the environment's units.
    public var reward: Double
    /// The task's success flag at this step (an episode succeeds when any step's flag is set).
    public var success: Bool
    /// The episode ended in a terminal state: the next state's value is 0.
    public var terminated: Bool
    /// The episode was cut by a time limit: it ended, but the value of its final state is real
    /// and GAE bootstraps through it.
    public var truncated: Bool

    public init(reward: Double, success: Bool, terminated: Bool, truncated: Bool) {
        self.reward = reward
        self.success = success
        self.terminated = terminated
        self.truncated = truncated
    }

    /// True when the episode ended at this step.
    public var episodeEnded: Bool { terminated || truncated }
}
