import TaskRewards
import Foundation
import RandomStreams

/// Env throughput with uniformly random actions (resets excluded), on one or more threads, each
/// thread stepping its own environment, plus where a step's time goes.
public enum EnvBenchmark {
    /// One measurement: a task at a thread count.
    public struct Result: Codable, Sendable {
        public var task: String
        public var threads: Int
        public var steps: Int
        /// Env steps per second over all threads together.
        public var envStepsPerSecond: Double
        /// Share of step time spent in the 5 ODE substeps (collision + solver).
        public var physicsShare: Double
        /// Share of step time spent building the observation and evaluating reward/success.
        public var observationRewardShare: Double

        enum CodingKeys: String, CodingKey {
            case task, threads, steps
            case envStepsPerSecond = "env_steps_per_s"
            case physicsShare = "physics_share"
            case observationRewardShare = "observation_reward_share"
        }
    }

    /// Runs `stepsPerThread` random steps of `task` on each of `threads` threads at once.
    public static func run(task: String, stepsPerThread: Int, threads: Int, seed: UInt64 = 0) throws -> Result {
        _ = try TaskCatalog.task(named: task)
        let box = ResultBox(count: threads)
        let start = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for index in 0..<threads {
            finished.enter()
            let thread = Thread {
                defer { finished.leave() }
                do {
                    let env = try ManipulationEnvironment(task: task, layoutMode: .random, seed: seed &+ UInt64(index))
                    env.measuresPhysicsTime = true
                    var rng = SplitMix64(seed: seed ^ 0xBE4C_0000 &+ UInt64(index))
                    env.reset()
                    start.wait()
                    var stepping = 0.0
                    for _ in 0..<stepsPerThread {
                        let action = SIMD4(rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1))
                        let began = ManipulationEnvironment.now()
                        let outcome = try env.step(action)
                        stepping += ManipulationEnvironment.now() - began
                        if outcome.truncated { env.reset() }
                    }
                    box.store(index, Measurement(steps: stepsPerThread, seconds: stepping, physics: env.physicsSeconds, observationReward: env.observationRewardSeconds))
                } catch {
                    box.fail(String(describing: error))
                }
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
        usleep(20_000)
        for _ in 0..<threads { start.signal() }
        finished.wait()
        if let failure = box.failure { throw BenchmarkError.failed(failure) }
        let measured = box.measurements
        let seconds = measured.reduce(0) { $0 + $1.seconds }
        return Result(
            task: task, threads: threads, steps: stepsPerThread * threads,
            envStepsPerSecond: measured.reduce(0) { $0 + Double($1.steps) / $1.seconds },
            physicsShare: measured.reduce(0) { $0 + $1.physics } / seconds,
            observationRewardShare: measured.reduce(0) { $0 + $1.observationReward } / seconds)
    }

    /// A short human-readable table of results.
    public static func table(_ results: [Result]) -> String {
        var lines = ["task                     threads  env steps/s  physics  obs+reward"]
        for r in results {
            lines.append(r.task.padding(toLength: 25, withPad: " ", startingAt: 0)
                + String(format: "%7d  %11.0f  %6.1f%%  %9.1f%%", r.threads, r.envStepsPerSecond, 100 * r.physicsShare, 100 * r.observationRewardShare))
        }
        return lines.joined(separator: "\n")
    }

    struct Measurement { var steps: Int; var seconds: Double; var physics: Double; var observationReward: Double }

    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Measurement?]
        private(set) var failure: String?
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func store(_ index: Int, _ m: Measurement) { lock.lock(); stored[index] = m; lock.unlock() }
        func fail(_ message: String) { lock.lock(); failure = message; lock.unlock() }
        var measurements: [Measurement] { lock.lock(); defer { lock.unlock() }; return stored.compactMap { $0 } }
    }
}

/// A benchmark that could not run.
public enum BenchmarkError: Error, CustomStringConvertible {
    case failed(String)
    public var description: String {
        switch self { case let .failed(message): return "benchmark failed: \(message)" }
    }
}
