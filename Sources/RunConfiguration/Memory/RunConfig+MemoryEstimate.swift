import Networks
import PPO

extension RunConfig {
    /// How much memory a run of this config needs at its peak, part by part, in bytes: what the
    /// trainer allocates (counted as the code allocates it: `PPOAgent`, `RolloutBuffer`,
    /// `Minibatch`, `Trainer`, the slots) plus measured constants for what cannot be counted
    /// (the process itself, one simulated environment). `checkMemory(limit:file:)` refuses a
    /// config whose total exceeds the limit; `submit`, `train` and the executor (every time a
    /// service or `train` starts or resumes a run) ask it.
    ///
    /// What is counted, with N = `env.envSlots`, T tasks, O = the slot observation + T (the
    /// one-hot id), A actions, B = N x `ppo.numSteps` transitions per update and
    /// M = B / `ppo.numMinibatches` rows per minibatch:
    /// - networks: actor and critic (trunk of `ppo.hiddenSizes` from O, one head per task, the
    ///   log-std with `stateIndependent`), each parameter with its gradient and two Adam moments
    ///   (16 bytes a parameter; one Adam over both or one each holds the same moments);
    /// - rollout: per transition the observation, action, log-prob, reward, done, value,
    ///   advantage, return and head id of `RolloutBuffer`, the trainer's task id and the update's
    ///   shuffled index;
    /// - minibatch: the gathered minibatch and, for actor and critic, every layer's activations,
    ///   the two backward buffers of the widest layer and the heads' outputs and gradients, per row;
    /// - slot buffers: rollout inference (the same workspaces for N rows) and the trainer's and
    ///   the evaluation's per-slot arrays;
    /// - simulation: 2N slots (training and evaluation), each holding one simulated environment
    ///   per task (`EnvSuite.bytesPerEnvironment`, measured);
    /// - checkpoints: 4 copies of the checkpoint (weights and Adam moments as F32, slot states):
    ///   resuming holds the file read, the trainer's backup, the agent's backup and the tensors
    ///   being imported at once (writing one holds 2);
    /// - process: the binary, the Swift runtime, OpenBLAS's buffers and SQLite
    ///   (`Self.processBytes`, measured).
    ///
    /// Not counted: the transient scratch of the orthogonal initialisation (before the buffers
    /// exist, and smaller than them) and metric and log lines (a few KB per iteration).
    public struct MemoryEstimate: Sendable, Equatable, CustomStringConvertible {
        /// One part of the estimate: what it is, its bytes, and the keys that set its size.
        public struct Part: Sendable, Equatable {
            public var name: String
            public var bytes: Int
            public var keys: String
        }

        /// Every part, in the order above.
        public var parts: [Part]
        /// Learnable scalars of actor and critic together (`PPOAgent.parameterCount`).
        public var parameterCount: Int
        /// Bytes of one checkpoint file, as `SafeTensors` writes it (about).
        public var checkpointBytes: Int

        /// The sum of the parts (saturating: `Int.max` when it does not fit).
        public var totalBytes: Int { parts.reduce(0) { Saturating.add($0, $1.bytes) } }

        /// The part called `name` (0 when there is none).
        public func bytes(of name: String) -> Int { parts.first { $0.name == name }?.bytes ?? 0 }

        /// The parts from biggest to smallest.
        public var biggestFirst: [Part] { parts.sorted { $0.bytes > $1.bytes } }

        /// "about 1.2 GiB: networks 800 MiB (ppo.hiddenSizes), ..." with the biggest parts first.
        public var description: String {
            "about \(ByteCount.text(totalBytes)): "
                + biggestFirst.prefix(3).map { "\($0.name) \(ByteCount.text($0.bytes)) (\($0.keys))" }.joined(separator: ", ")
        }
    }

    /// Resident memory of a `dratsd` process that trains a tiny run, before its buffers: the
    /// binary and its libraries, the Swift runtime, OpenBLAS's thread buffers, SQLite. Measured
    /// as the peak RSS of `dratsd train` on the grid-world config (about 40 MiB on x86-64 Linux),
    /// rounded up.
    public static let processBytes = 64 << 20

    /// Copies of the checkpoint held at once at the worst moment, a resume (see `MemoryEstimate`).
    public static let checkpointCopies = 4

    /// This config's memory estimate. Exact for the parts it counts (a test checks them against
    /// the allocations of a built trainer); saturates at `Int.max` instead of overflowing.
    public var memoryEstimate: MemoryEstimate {
        typealias S = Saturating
        let float = 4, int32 = 4, int = 8
        let tasks = taskCount, actions = env.suite.actionSize
        let observation = env.suite.slotObservationSize + tasks
        let hidden = ppo.hiddenSizes
        let hiddenSum = hidden.reduce(0, +)
        let widest = max(hidden.max() ?? 1, 1)
        let features = hidden.last ?? observation
        let headWidth = ppo.logStdMode == .stateDependent ? 2 * actions : actions

        // Parameters, as MLPTrunk, MultiHead, GaussianPolicy and ValueNetwork allocate them.
        var trunk = 0, input = observation
        for width in hidden {
            trunk = S.add(trunk, S.multiply(input + 1, width))
            input = width
        }
        let actor = S.add(trunk, tasks * (features * headWidth + headWidth) + (ppo.logStdMode == .stateIndependent ? tasks * actions : 0))
        let critic = S.add(trunk, tasks * (features + 1))
        let parameters = S.add(actor, critic)
        let networks = S.multiply(parameters, 4 * float)  // value, gradient, Adam's two moments

        // Per transition: RolloutBuffer (observation, action, 6 scalars, head id), the trainer's
        // task id, the update's shuffled index.
        let transitions = ppo.batchSize
        let perTransition = float * (observation + actions + 6) + int32 + int32 + int
        let rollout = S.multiply(transitions, perTransition)

        // One workspace row of a trunk (activations, two backward buffers) and of each network.
        let trunkRow = float * (hiddenSum + 2 * widest)
        let actorRow = trunkRow + float * (2 * headWidth + features + 2 * actions)
        let criticRow = trunkRow + float * (features + 1)

        // Per minibatch row: Minibatch (observation, action, 3 scalars, two task ids, the grouping's
        // order), the training workspaces, and the loss's mean, log-std and value gradients.
        let minibatchRow = float * (observation + actions + 3) + 2 * int32 + int + actorRow + criticRow + float * (2 * actions + 1)
        let minibatch = S.multiply(ppo.minibatchSize, minibatchRow)

        // Per slot: rollout inference (observation row, grouping order, both workspaces); the
        // trainer's arrays (next and final observations, actions, 4 floats, 3 ids, an index, the
        // episode's return, success and length, a step result and error); the evaluation's.
        let slots = env.envSlots
        let inferenceRow = float * observation + int + actorRow + criticRow
        let trainerRow = 2 * float * observation + float * actions + 4 * float + 3 * int32 + int + 8 + 1 + 8 + Self.stepRecordBytes
        let evaluationRow = float * (observation + actions + 2) + 2 * int32 + 1 + 8 + 1
        let slotBuffers = S.multiply(slots, inferenceRow + trainerRow + evaluationRow)

        let simulation = S.multiply(2 * slots, env.suite.bytesPerSlot(taskCount: tasks))

        // The checkpoint: weights and both moments as F32, the trainer's per-slot tensors, every
        // slot's state, the header and metadata.
        let trainerTensors = float * observation + float + int32 + 8 + 1 + 8
        var checkpoint = S.multiply(parameters, 3 * float)
        checkpoint = S.add(checkpoint, S.multiply(slots, trainerTensors + 2 * env.suite.checkpointBytesPerSlot(taskCount: tasks)))
        // Header entries: a weight and a bias per layer and head of both networks, three tensors each.
        checkpoint = S.add(checkpoint, Self.checkpointHeaderBytes + 3 * (4 * (hidden.count + tasks) + 1) * Self.headerBytesPerTensor)

        let network = "ppo.hiddenSizes, env.tasks"
        let parts = [
            MemoryEstimate.Part(name: "networks (weights, gradients, Adam moments)", bytes: networks, keys: network),
            MemoryEstimate.Part(name: "rollout buffer", bytes: rollout, keys: "env.envSlots x ppo.numSteps = \(transitions) transitions"),
            MemoryEstimate.Part(name: "minibatch activations and gradients", bytes: minibatch,
                                keys: "\(ppo.minibatchSize) rows (env.envSlots x ppo.numSteps / ppo.numMinibatches) x ppo.hiddenSizes"),
            MemoryEstimate.Part(name: "inference and slot buffers", bytes: slotBuffers, keys: "env.envSlots x ppo.hiddenSizes"),
            MemoryEstimate.Part(name: "simulated environments", bytes: simulation, keys: "2 x env.envSlots slots x \(tasks) tasks (env.tasks)"),
            MemoryEstimate.Part(name: "checkpoints (\(Self.checkpointCopies) copies)", bytes: S.multiply(checkpoint, Self.checkpointCopies), keys: network),
            MemoryEstimate.Part(name: "process", bytes: Self.processBytes, keys: "fixed"),
        ]
        return MemoryEstimate(parts: parts, parameterCount: parameters, checkpointBytes: checkpoint)
    }

    /// A slot's step result and its optional error in the trainer (`SlotStep`, `TrainerError?`).
    static let stepRecordBytes = 16 + 64
    /// A checkpoint's metadata (configs, sampler state as JSON) and fixed tensors, rounded up.
    static let checkpointHeaderBytes = 64 << 10
    /// One tensor's entry in a checkpoint's header (name, dtype, shape, offsets), rounded up.
    static let headerBytesPerTensor = 128
}

/// Arithmetic that stops at `Int.max` instead of trapping, for estimates of configs whose sizes
/// are far beyond any machine (validation then refuses them with the figure).
enum Saturating {
    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}

extension RunConfig {
    /// Refuses a config whose run would need more memory than `limit`
    /// (`RunConfigError.exceedsMemory`, naming the estimate, its biggest parts, the limit and
    /// how to change either). The one check of whether a valid config fits: `submit`, `train`
    /// and the executor, whenever a service or `train` starts or resumes a run, call it.
    public func checkMemory(limit: MemoryLimit, file: String) throws(RunConfigError) {
        let estimate = memoryEstimate
        if estimate.totalBytes > limit.bytes { throw .exceedsMemory(file: file, estimate: estimate, limit: limit) }
    }
}
