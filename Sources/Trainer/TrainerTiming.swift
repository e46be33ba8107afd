#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock seconds a trainer spent in each phase since it was built (for benchmarks; the
/// numbers never feed back into training).
public struct TrainerTiming: Sendable, Equatable {
    /// Batched policy/critic inference during rollouts (`act`, truncation bootstraps).
    public var inferenceSeconds = 0.0
    /// Stepping the slots (the barrier-to-barrier time of the worker threads).
    public var environmentStepSeconds = 0.0
    /// Episode bookkeeping, sampler draws and slot resets between steps.
    public var episodeBookkeepingSeconds = 0.0
    /// GAE, the PPO update and the sampler update.
    public var updateSeconds = 0.0

    public init() {}

    /// Seconds of the four phases together.
    public var totalSeconds: Double { inferenceSeconds + environmentStepSeconds + episodeBookkeepingSeconds + updateSeconds }

    /// A monotonic clock in seconds.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
