import Foundation
import Networks
import RandomStreams

/// Measures the learning core's speed for `dratsd bench ppo`: one PPO epoch over a rollout of
/// synthetic transitions (random observations with one-hot task ids, actions sampled by the
/// agent itself) and rollout inference calls, for the paper network and a small one.
public enum PPOBenchmark {
    /// What to measure.
    public struct Options: Sendable {
        /// Transitions in the rollout of one epoch (paper: 100,000 = 10 slots x 10,000 steps).
        public var transitions = 100_000
        /// Minibatches per epoch (paper: 32).
        public var numMinibatches = 32
        /// OpenBLAS thread counts to compare.
        public var threadCounts = [1, 2]
        /// Timed calls per inference measurement.
        public var inferenceCalls = 2_000
        /// Networks to measure, by name and hidden sizes.
        public var networks: [(name: String, hiddenSizes: [Int])] = [("paper 3x400", [400, 400, 400]), ("small 2x256", [256, 256])]
        /// Learners whose epochs are timed, each on the same rollout, interleaved within every
        /// thread setting so that their times share the machine's load (default: the config's).
        public var learners: [Learner] = [Learner()]
        /// Epochs timed per learner and thread setting; the fastest is reported, the figure
        /// least disturbed by other processes.
        public var repeats = 1
        public init() {}
    }

    /// The learner settings that change an update's work.
    public struct Learner: Sendable, Equatable {
        public var advantageNormalization = PPOConfig.defaults.advantageNormalization
        public var optimizers = PPOConfig.defaults.optimizers
        public init() {}
        public init(advantageNormalization: AdvantageNormalization, optimizers: ActorCriticOptimizers) {
            self.advantageNormalization = advantageNormalization
            self.optimizers = optimizers
        }
        /// "perTask/separate", as `--learners` takes it.
        public var name: String { "\(advantageNormalization.rawValue)/\(optimizers.rawValue)" }
        /// Parses `name`'s form; nil when it is not one.
        public init?(name: String) {
            let parts = name.split(separator: "/").map(String.init)
            guard parts.count == 2, let normalization = AdvantageNormalization(rawValue: parts[0]),
                  let optimizers = ActorCriticOptimizers(rawValue: parts[1]) else { return nil }
            self.init(advantageNormalization: normalization, optimizers: optimizers)
        }
    }

    /// One epoch's throughput.
    public struct UpdateResult: Codable, Sendable {
        public var network: String
        /// `Learner.name` of the learner timed.
        public var learner: String
        public var threads: Int
        /// How the threads were used: "openblas" (BLAS splits each GEMM) or "actor|critic"
        /// (actor and critic passes on their own threads, single-threaded BLAS each).
        public var mode: String
        public var transitions: Int
        public var minibatches: Int
        public var parameterCount: Int
        public var seconds: Double
        public var transitionsPerSecond: Double
        /// 6 x parameters (actor + critic) x transitions / seconds, in 1e9 per second.
        public var gflopsPerSecond: Double
    }

    /// Rollout inference latency (actor and critic together).
    public struct InferenceResult: Codable, Sendable {
        public var network: String
        public var threads: Int
        /// "openblas" (one thread runs actor then critic) or "actor|critic" (critic on a second thread).
        public var mode: String
        public var batch: Int
        public var microsecondsPerCall: Double
    }

    public struct Report: Codable, Sendable {
        /// False when the loaded BLAS is not OpenBLAS: thread counts then could not be set.
        public var blasThreadsControllable: Bool
        /// True when the AVX-512 small-batch kernel serves layers of 2-16 rows (rollout inference).
        public var smallBatchKernel: Bool
        /// True when the CPU has the kernel's instructions (it may still be switched off).
        public var smallBatchKernelSupported: Bool
        public var observationSize: Int
        public var actionSize: Int
        public var taskCount: Int
        public var update: [UpdateResult]
        public var inference: [InferenceResult]
    }

    /// MT10's shapes: 39 observation values + 10 one-hot, 4 actions, 10 tasks.
    public static let observationSize = 49, actionSize = 4, taskCount = 10

    public static func run(_ options: Options) throws(PPOError) -> Report {
        let slots = taskCount
        guard options.transitions >= slots * options.numMinibatches, options.numMinibatches >= 1 else {
            throw .invalidConfig(["transitions (\(options.transitions)) must be at least \(slots) x numMinibatches (\(options.numMinibatches))"])
        }
        guard options.threadCounts.allSatisfy({ $0 >= 1 }), !options.threadCounts.isEmpty, options.inferenceCalls >= 1,
              !options.learners.isEmpty, options.repeats >= 1 else {
            throw .invalidConfig(["thread counts, inferenceCalls and repeats must be at least 1, and one learner at least must be given"])
        }
        let originalThreads = BLAS.threadCount
        defer { if let originalThreads { BLAS.setThreadCount(originalThreads) } }
        let controllable = BLAS.setThreadCount(options.threadCounts[0])
        var report = Report(
            blasThreadsControllable: controllable, smallBatchKernel: SmallBatchKernel.isEnabled, smallBatchKernelSupported: SmallBatchKernel.isSupported, observationSize: observationSize, actionSize: actionSize,
            taskCount: taskCount, update: [], inference: [])
        for network in options.networks {
            var config = PPOConfig()
            config.numEnvs = slots
            config.numSteps = options.transitions / slots
            config.numMinibatches = options.numMinibatches
            config.updateEpochs = 1
            config.targetKL = nil
            config.hiddenSizes = network.hiddenSizes
            // One agent per learner: the same seed gives them the same weights, so one rollout serves all.
            let agents = try options.learners.map { (learner) throws(PPOError) -> PPOAgent in
                var learnerConfig = config
                learnerConfig.advantageNormalization = learner.advantageNormalization
                learnerConfig.optimizers = learner.optimizers
                return try PPOAgent(config: learnerConfig, observationSize: observationSize, actionSize: actionSize, taskCount: taskCount)
            }
            let agent = agents[0]
            BLAS.setThreadCount(1)
            let buffer = try fillRollout(agent)
            var inferenceRuns = options.threadCounts.map { (threads: $0, concurrent: false) }
            if options.threadCounts.contains(2) { inferenceRuns.append((threads: 2, concurrent: true)) }
            for run in inferenceRuns {
                BLAS.setThreadCount(run.concurrent ? 1 : run.threads)
                agent.concurrentRolloutInference = run.concurrent
                for batch in [slots, 1] {
                    report.inference.append(InferenceResult(
                        network: network.name, threads: run.threads, mode: run.concurrent ? "actor|critic" : "openblas",
                        batch: batch, microsecondsPerCall: try timeInference(agent, batch: batch, calls: options.inferenceCalls)))
                }
            }
            agent.concurrentRolloutInference = false
            var runs = options.threadCounts.map { (threads: $0, concurrent: false) }
            if options.threadCounts.contains(2) { runs.append((threads: 2, concurrent: true)) }
            for run in runs {
                BLAS.setThreadCount(run.concurrent ? 1 : run.threads)
                var fastest = [Double](repeating: .infinity, count: agents.count)
                for _ in 0..<options.repeats {
                    for (index, learnerAgent) in agents.enumerated() {
                        learnerAgent.concurrentActorCritic = run.concurrent
                        let start = DispatchTime.now().uptimeNanoseconds
                        _ = try learnerAgent.update(buffer)
                        fastest[index] = min(fastest[index], Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                    }
                }
                let transitions = config.minibatchSize * config.numMinibatches
                for (learner, seconds) in zip(options.learners, fastest) {
                    report.update.append(UpdateResult(
                        network: network.name, learner: learner.name, threads: run.threads, mode: run.concurrent ? "actor|critic" : "openblas",
                        transitions: transitions, minibatches: config.numMinibatches,
                        parameterCount: agent.parameterCount, seconds: seconds,
                        transitionsPerSecond: Double(transitions) / seconds,
                        gflopsPerSecond: 6 * Double(agent.parameterCount) * Double(transitions) / seconds / 1e9))
                }
            }
        }
        return report
    }

    /// A rollout of random observations (one-hot task per slot) with the agent's own actions.
    static func fillRollout(_ agent: PPOAgent) throws(PPOError) -> RolloutBuffer {
        let buffer = try agent.makeRolloutBuffer()
        var generator = Xoshiro256(seed: 2024)
        let slots = buffer.numEnvs, rawSize = observationSize - taskCount
        for step in 0..<buffer.numSteps {
            let first = buffer.index(step: step, env: 0)
            for slot in 0..<slots {
                let row = buffer.observations.row(first + slot)
                for i in 0..<rawSize { row[i] = Float(generator.nextGaussian()) }
                for task in 0..<taskCount { row[rawSize + task] = task == slot % taskCount ? 1 : 0 }
                buffer.tasks[first + slot] = Int32(slot % taskCount)
                buffer.rewards.pointer[first + slot] = Float(generator.nextGaussian())
                buffer.dones.pointer[first + slot] = step % 500 == 0 ? 1 : 0
            }
            try agent.act(
                observations: buffer.observations.row(first), tasks: buffer.tasks + first, count: slots,
                actions: buffer.actions.row(first), logProbs: buffer.logProbs.pointer + first,
                values: buffer.values.pointer + first)
        }
        let zeros = [Float](repeating: 0, count: slots)
        buffer.computeAdvantages(nextValues: zeros, nextDones: zeros, gamma: agent.config.gamma, gaeLambda: agent.config.gaeLambda)
        return buffer
    }

    /// Mean microseconds per `act` call on `batch` slots (tasks 0, 1, ...), after a warm-up.
    static func timeInference(_ agent: PPOAgent, batch: Int, calls: Int) throws(PPOError) -> Double {
        let observations = Matrix(rows: batch, columns: observationSize)
        var generator = Xoshiro256(seed: 7)
        for index in 0..<observations.count { observations.pointer[index] = Float(generator.nextGaussian()) }
        let tasks = UnsafeMutablePointer<Int32>.allocate(capacity: batch)
        defer { tasks.deallocate() }
        for slot in 0..<batch { tasks[slot] = Int32(slot % taskCount) }
        let actions = Matrix(rows: batch, columns: actionSize), logProbs = Matrix(rows: batch, columns: 1), values = Matrix(rows: batch, columns: 1)
        for _ in 0..<min(calls, 50) {
            try agent.act(observations: observations.pointer, tasks: tasks, count: batch,
                          actions: actions.pointer, logProbs: logProbs.pointer, values: values.pointer)
        }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls {
            try agent.act(observations: observations.pointer, tasks: tasks, count: batch,
                          actions: actions.pointer, logProbs: logProbs.pointer, values: values.pointer)
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3 / Double(calls)
    }
}
