import Foundation
import PPO
import WorkerThreads
import Samplers

/// The multi-task training loop (CleanRL's ppo_continuous_action.py, plus a task sampler):
/// N environment slots, each episode's task drawn from the run's `TaskSampler`, observation =
/// slot observation + one-hot task id, batched policy inference with one row per slot, one PPO
/// update and one sampler update per iteration. Every training buffer is allocated here, once;
/// `evaluate()` allocates its own per-call buffers (one evaluation per million steps or so).
///
/// Read `Trainer+Iteration.swift` top to bottom for the algorithm, `Trainer+Evaluation.swift`
/// for the deterministic evaluation.
public final class Trainer<Slot: MultiTaskEnvironmentSlot> {
    public let config: TrainerConfig
    /// Names used in metric keys (`sampler/<name>/...`, `eval/<name>/...`), one per task.
    public let taskNames: [String]
    public let agent: PPOAgent
    public internal(set) var sampler: TaskSampler
    /// The training and the evaluation slots, stored so that worker threads can step different
    /// slots at once (an array element cannot be mutated from two threads).
    let slots: UnsafeMutableBufferPointer<Slot>
    let evaluationSlots: UnsafeMutableBufferPointer<Slot>
    /// The training slots, in slot order (for reading their counters).
    public var trainingSlots: [Slot] { Array(slots) }
    /// Threads stepping the slots (`config.environmentThreads`, at most one per slot); nil for one.
    let workerPool: WorkerPool?
    /// This trainer's slot stepping, as the pool runs it.
    private(set) var slotStepping: SlotStepping<Slot>!
    /// What the worker threads step on the next `workerPool.run`.
    var steppingPhase = SteppingPhase.training

    /// Slot observation size, action size, task count, and the agent's observation size
    /// (slot observation + one-hot task id).
    public let slotObservationSize: Int
    public let actionSize: Int
    public let taskCount: Int
    public let observationSize: Int
    /// Network heads: `taskCount`, or 1 with `sharedHead`.
    public let headCount: Int

    /// Iterations completed and environment steps taken.
    public internal(set) var iteration = 0
    public internal(set) var globalStep = 0
    /// Where the time went, phase by phase.
    public internal(set) var timing = TrainerTiming()
    /// Asked before every rollout and evaluation step; when it returns true, `iterate()` or
    /// `evaluate()` stops at once with `TrainerError.aborted`. The trainer is then mid-iteration
    /// and must be restored from a checkpoint (or dropped) before training on. Lets a service
    /// stop within seconds even when one iteration takes minutes.
    public var abortCheck: (() -> Bool)?

    // Storage (CleanRL: allocated once before the loop).
    let buffer: RolloutBuffer
    /// [numEnvs, observationSize]: the observation each slot acts on next (`next_obs`).
    let nextObservations: UnsafeMutableBufferPointer<Float>
    /// CleanRL's `next_done`: 1 when the slot's next observation starts a new episode.
    let nextDones: UnsafeMutableBufferPointer<Float>
    /// The task each slot is playing, and the network head that task uses (the task itself, or
    /// 0 for all tasks with `sharedHead`).
    let slotTasks: UnsafeMutableBufferPointer<Int32>
    let slotHeads: UnsafeMutableBufferPointer<Int32>
    /// The task of every rollout row (the buffer's own `tasks` hold head ids).
    let rowTasks: UnsafeMutableBufferPointer<Int32>
    let actions: UnsafeMutableBufferPointer<Float>
    let logProbs: UnsafeMutableBufferPointer<Float>
    let values: UnsafeMutableBufferPointer<Float>
    /// The outcome of each slot's latest step, and the error it threw (nil when none), one per
    /// training or evaluation slot, whichever are more.
    let stepResults: UnsafeMutableBufferPointer<SlotStep>
    let stepErrors: UnsafeMutableBufferPointer<TrainerError?>
    /// Running return, success and length of each slot's current episode.
    var episodeReturns: [Double]
    var episodeSuccesses: [Bool]
    var episodeLengths: [Int]
    /// Final observations of time-limit truncations, bootstrapped with one critic call per step.
    let finalObservations: UnsafeMutableBufferPointer<Float>
    let finalHeads: UnsafeMutableBufferPointer<Int32>
    let finalValues: UnsafeMutableBufferPointer<Float>
    let finalSlots: UnsafeMutableBufferPointer<Int>
    /// Environment steps per task in the current iteration (for the sampler and Hard First).
    var stepsPerTask: [Int]

    /// Builds the agent, the sampler and the storage, and starts an episode in every slot.
    /// `slots.count` must equal `config.ppo.numEnvs`; `evaluationSlots` (at least one, at most
    /// numEnvs) play the deterministic evaluation episodes. Every slot must agree on sizes.
    public init(config: TrainerConfig, slots: [Slot], evaluationSlots: [Slot], taskNames: [String]? = nil) throws(TrainerError) {
        var problems: [String] = []
        guard let first = slots.first else { throw .invalidSetup(["no environment slots; give ppo.numEnvs (\(config.ppo.numEnvs)) slots"]) }
        if slots.count != config.ppo.numEnvs {
            problems.append("\(slots.count) slots but ppo.numEnvs is \(config.ppo.numEnvs); they must be equal")
        }
        if evaluationSlots.isEmpty || evaluationSlots.count > config.ppo.numEnvs {
            problems.append("\(evaluationSlots.count) evaluation slots; give between 1 and ppo.numEnvs (\(config.ppo.numEnvs))")
        }
        for (index, slot) in (slots + evaluationSlots).enumerated()
        where slot.observationSize != first.observationSize || slot.actionSize != first.actionSize || slot.taskCount != first.taskCount {
            problems.append("slot \(index) has sizes (observation \(slot.observationSize), action \(slot.actionSize), tasks \(slot.taskCount)); "
                + "slot 0 has (\(first.observationSize), \(first.actionSize), \(first.taskCount)); all slots must agree")
        }
        if first.observationSize < 0 || first.actionSize < 1 || first.taskCount < 1 {
            problems.append("slot sizes (observation \(first.observationSize), action \(first.actionSize), tasks \(first.taskCount)) must be 0 or more, at least 1, at least 1")
        }
        let names = taskNames ?? (0..<max(first.taskCount, 0)).map { "task\($0)" }
        if names.count != first.taskCount { problems.append("\(names.count) task names for \(first.taskCount) tasks") }
        if Set(names).count != names.count { problems.append("task names \(names) are not distinct") }
        if config.evaluationEpisodesPerTask < 1 {
            problems.append("evaluationEpisodesPerTask is \(config.evaluationEpisodesPerTask); it must be at least 1")
        }
        if config.environmentThreads < 0 {
            problems.append("environmentThreads is \(config.environmentThreads); it must be 0 (one per available core) or more (1 steps every slot on the calling thread)")
        }
        if let interval = config.evaluationIntervalSteps, interval < 1 {
            problems.append("evaluationIntervalSteps is \(interval); it must be at least 1, or null to never evaluate")
        }
        guard problems.isEmpty else { throw .invalidSetup(problems) }

        self.config = config
        self.taskNames = names
        slotObservationSize = first.observationSize
        actionSize = first.actionSize
        taskCount = first.taskCount
        observationSize = first.observationSize + first.taskCount
        headCount = config.sharedHead ? 1 : first.taskCount

        var ppo = config.ppo
        ppo.seed = config.derivedSeed(stream: 0)
        do {
            agent = try PPOAgent(config: ppo, observationSize: observationSize, actionSize: actionSize, taskCount: headCount)
            buffer = try agent.makeRolloutBuffer()
        } catch { throw .ppo(error) }
        do {
            sampler = try TaskSampler(config: config.sampler, taskCount: taskCount, seed: config.derivedSeed(stream: 1))
        } catch { throw .sampler(error) }

        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        self.evaluationSlots = .allocate(capacity: evaluationSlots.count)
        _ = self.evaluationSlots.initialize(from: evaluationSlots)
        let threads = min(config.environmentThreads == 0 ? ProcessInfo.processInfo.activeProcessorCount : config.environmentThreads, slots.count)
        workerPool = threads > 1 ? WorkerPool(partCount: threads, name: "drats.slots") : nil
        // The same threads run the critic's rollout forward pass beside the actor's.
        agent.rolloutInferencePool = workerPool

        let n = slots.count
        nextObservations = .allocate(capacity: n * observationSize)
        nextDones = .allocate(capacity: n)
        slotTasks = .allocate(capacity: n)
        slotHeads = .allocate(capacity: n)
        rowTasks = .allocate(capacity: n * config.ppo.numSteps)
        actions = .allocate(capacity: n * actionSize)
        logProbs = .allocate(capacity: n)
        values = .allocate(capacity: n)
        finalObservations = .allocate(capacity: n * observationSize)
        finalHeads = .allocate(capacity: n)
        finalValues = .allocate(capacity: n)
        finalSlots = .allocate(capacity: n)
        for pointer in [nextObservations, nextDones, actions, logProbs, values, finalObservations, finalValues] { pointer.initialize(repeating: 0) }
        slotTasks.initialize(repeating: 0)
        slotHeads.initialize(repeating: 0)
        rowTasks.initialize(repeating: 0)
        finalHeads.initialize(repeating: 0)
        finalSlots.initialize(repeating: 0)
        let steppedSlots = max(n, evaluationSlots.count)
        stepResults = .allocate(capacity: steppedSlots)
        stepResults.initialize(repeating: SlotStep(reward: 0, success: false, terminated: false, truncated: false))
        stepErrors = .allocate(capacity: steppedSlots)
        stepErrors.initialize(repeating: nil)
        episodeReturns = [Double](repeating: 0, count: n)
        episodeSuccesses = [Bool](repeating: false, count: n)
        episodeLengths = [Int](repeating: 0, count: n)
        stepsPerTask = [Int](repeating: 0, count: taskCount)

        slotStepping = SlotStepping(trainer: self)
        for slot in 0..<n { try startEpisode(slot: slot) }
    }

    deinit {
        // The agent may outlive the trainer (a caller can hold it); it must not keep a stopped pool.
        agent.rolloutInferencePool = nil
        workerPool?.stop()
        slots.deinitialize().deallocate()
        evaluationSlots.deinitialize().deallocate()
        stepResults.deinitialize().deallocate()
        stepErrors.deinitialize().deallocate()
        for pointer in [nextObservations, actions, logProbs, values, finalObservations, finalValues] { pointer.deallocate() }
        nextDones.deallocate()
        slotTasks.deallocate()
        slotHeads.deallocate()
        rowTasks.deallocate()
        finalHeads.deallocate()
        finalSlots.deallocate()
    }

    /// The observation row of `slot` inside a [rows, observationSize] buffer.
    func observationRow(_ base: UnsafeMutableBufferPointer<Float>, _ slot: Int) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: base[slot * observationSize ..< (slot + 1) * observationSize])
    }

    /// Draws the slot's next task from the sampler, resets the slot, and writes its observation
    /// with the task's one-hot id.
    func startEpisode(slot: Int) throws(TrainerError) {
        let task = sampler.sampleTask()
        slotTasks[slot] = Int32(task)
        slotHeads[slot] = Int32(head(of: task))
        let row = observationRow(nextObservations, slot)
        do {
            try slots[slot].reset(task: task, observation: UnsafeMutableBufferPointer(rebasing: row[0..<slotObservationSize]))
        } catch { throw .environment(slot: slot, task: task, description: String(describing: error)) }
        Self.writeTaskOneHot(task: task, into: UnsafeMutableBufferPointer(rebasing: row[slotObservationSize...]))
        episodeReturns[slot] = 0
        episodeSuccesses[slot] = false
        episodeLengths[slot] = 0
    }

    /// The network head `task` uses.
    func head(of task: Int) -> Int { headCount == 1 ? 0 : task }

    /// Writes the one-hot encoding of `task` (1 at `task`, 0 elsewhere).
    static func writeTaskOneHot(task: Int, into row: UnsafeMutableBufferPointer<Float>) {
        row.update(repeating: 0)
        row[task] = 1
    }
}
