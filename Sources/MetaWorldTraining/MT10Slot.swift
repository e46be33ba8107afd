import TaskRewards
import Manipulation
import Trainer
import RandomStreams

/// MetaWorld's multi-task suite as a trainer slot: one `ManipulationEnvironment` per task, all
/// built once at construction and reused; `reset(task:)` switches to the task's environment.
///
/// - Observation: the task's 39 values as float32 (the trainer appends the one-hot task id).
/// - Action: 4 values (dx, dy, dz, gripper) handed to the environment, which clips like
///   MetaWorld. A non-finite value (a broken policy) is replaced by 0 and counted in
///   `invalidActionCount`, so the figures show it instead of the run stopping.
/// - Training resets draw one of the suite seed's 50 fixed layouts at random from the slot's
///   own seeded stream (MetaWorld's RandomTaskSelect; `layoutMode: .random` draws a fresh
///   layout instead); evaluation episode `k` always plays fixed layout `k mod 50`, so an
///   evaluation of 50 episodes per task sees every fixed layout once.
/// - Episodes are truncated after 500 steps; success never ends a training episode (the raw
///   MetaWorld env never terminates). A physics fault (non-finite or exploding body) truncates
///   the episode with the last good observation and is counted in `faultCount`.
/// - Checkpoints save how the current episode began and the actions applied since, not the
///   physics; a restore replays them (`MT10Slot+Checkpoint.swift`).
///
/// A class: the environments are shared references anyway, and tests and benchmarks read the
/// counters of the very slot the trainer steps.
public final class MT10Slot: MultiTaskEnvironmentSlot {
    public static let observationCount = 39
    public static let actionCount = 4

    /// The tasks this slot plays, by index.
    public let taskNames: [String]
    /// One environment per task, in `taskNames` order.
    public let environments: [ManipulationEnvironment]
    public var observationSize: Int { Self.observationCount }
    public var actionSize: Int { Self.actionCount }
    public var taskCount: Int { environments.count }
    /// Episodes ended by a physics fault since the slot was built.
    public internal(set) var faultCount = 0
    /// Steps whose action held a non-finite value.
    public internal(set) var invalidActionCount = 0
    /// The task being played.
    public internal(set) var task = 0
    private let scratch: UnsafeMutableBufferPointer<Double>
    /// How the current episode started and the actions applied since ([steps, 4], the command
    /// after non-finite values became 0): with the environments' determinism, enough to rebuild
    /// the episode exactly (`MT10Slot+Checkpoint.swift`). Preallocated for a whole episode.
    var episodeStart = EpisodeStart.none
    let episodeActions: UnsafeMutableBufferPointer<Float>
    var episodeStepCount = 0

    /// Builds an environment for each of `taskNames` (default: every task the simulator has, in
    /// MT10 order). `suiteSeed` fixes the 50 layouts per task (as `metaworld.MT10(seed:)`);
    /// `seed` drives which layout each training reset picks (`layoutMode`: one of the fixed ones,
    /// or a fresh draw). `measuresPhysicsTime` makes the environments time their physics
    /// substeps (for benchmarks).
    public init(taskNames: [String] = MT10Suite.taskNames, suiteSeed: UInt64 = 0, layoutMode: ManipulationEnvironment.LayoutMode = .suite,
                seed: UInt64, calibration: SawyerCalibration = SawyerCalibration(), measuresPhysicsTime: Bool = false) throws(MetaWorldTrainingError) {
        guard !taskNames.isEmpty else { throw .noTasks }
        var seen = Set<String>()
        for name in taskNames where !seen.insert(name).inserted { throw .duplicateTask(name: name) }
        var environments: [ManipulationEnvironment] = []
        for name in taskNames {
            do {
                let environment = try ManipulationEnvironment(
                    task: name, suiteSeed: suiteSeed, layoutMode: layoutMode, seed: seed ^ SplitMix64.hash(name), calibration: calibration)
                environment.measuresPhysicsTime = measuresPhysicsTime
                environments.append(environment)
            } catch { throw .environment(task: name, error) }
        }
        self.taskNames = taskNames
        self.environments = environments
        scratch = .allocate(capacity: Self.observationCount)
        scratch.initialize(repeating: 0)
        episodeActions = .allocate(capacity: ManipulationEnvironment.maxEpisodeSteps * Self.actionCount)
        episodeActions.initialize(repeating: 0)
    }

    deinit {
        scratch.deallocate()
        episodeActions.deallocate()
    }

    public func reset(task: Int, observation: UnsafeMutableBufferPointer<Float>) throws {
        try select(task: task, observation: observation)
        episodeStart = .training(layoutGeneratorState: environments[task].layoutGeneratorState)
        episodeStepCount = 0
        environments[task].reset()
        write(observation)
    }

    public func resetForEvaluation(task: Int, episode: Int, observation: UnsafeMutableBufferPointer<Float>) throws {
        try select(task: task, observation: observation)
        let layoutIndex = episode % LayoutTable.layoutsPerTask
        try environments[task].reset(layoutIndex: layoutIndex)
        episodeStart = .evaluation(layoutIndex: layoutIndex)
        episodeStepCount = 0
        write(observation)
    }

    public func step(action: UnsafeBufferPointer<Float>, observation: UnsafeMutableBufferPointer<Float>) throws -> SlotStep {
        guard action.count == Self.actionCount else {
            throw MetaWorldTrainingError.bufferSize(name: "action", expected: Self.actionCount, actual: action.count)
        }
        guard observation.count == Self.observationCount else {
            throw MetaWorldTrainingError.bufferSize(name: "observation", expected: Self.observationCount, actual: observation.count)
        }
        var command = SIMD4<Double>(Double(action[0]), Double(action[1]), Double(action[2]), Double(action[3]))
        if !(command.x.isFinite && command.y.isFinite && command.z.isFinite && command.w.isFinite) {
            for i in 0..<4 where !command[i].isFinite { command[i] = 0 }
            invalidActionCount += 1
        }
        let outcome = try environments[task].step(command)
        if outcome.fault != nil { faultCount += 1 }
        if episodeStepCount < ManipulationEnvironment.maxEpisodeSteps {
            let row = episodeStepCount * Self.actionCount
            for i in 0..<Self.actionCount { episodeActions[row + i] = Float(command[i]) }
        }
        episodeStepCount += 1
        write(observation)
        return SlotStep(reward: outcome.reward, success: outcome.success, terminated: false, truncated: outcome.truncated)
    }

    /// Physics seconds and observation/reward seconds the environments measured (with
    /// `measuresPhysicsTime`), summed over tasks.
    public var measuredSeconds: (physics: Double, observationReward: Double) {
        environments.reduce((0, 0)) { ($0.0 + $1.physicsSeconds, $0.1 + $1.observationRewardSeconds) }
    }

    private func select(task: Int, observation: UnsafeMutableBufferPointer<Float>) throws(MetaWorldTrainingError) {
        guard environments.indices.contains(task) else { throw .taskOutOfRange(task: task, taskCount: environments.count) }
        guard observation.count == Self.observationCount else {
            throw .bufferSize(name: "observation", expected: Self.observationCount, actual: observation.count)
        }
        self.task = task
    }

    /// The current task's observation as float32, through a preallocated double buffer.
    func write(_ observation: UnsafeMutableBufferPointer<Float>) {
        environments[task].copyObservation(into: scratch)
        for i in 0..<Self.observationCount { observation[i] = Float(scratch[i]) }
    }
}
