import Daemon
import RunConfiguration

/// `sweep`: one config file, some keys with several values, one run per combination.
public enum SweepSubmitter {
    /// One run of a sweep before it is queued: its overrides and the config they give.
    public struct PlannedRun: Sendable {
        public var overrides: [ConfigOverride]
        public var config: RunConfig
    }

    /// Why a sweep was not queued: the combination whose config failed (1-based, of `count`),
    /// its overrides, and the config's own error.
    public struct CombinationError: Error, CustomStringConvertible {
        public var index: Int
        public var count: Int
        public var overrides: [ConfigOverride]
        public var underlying: RunConfigError

        public var description: String {
            let arguments = overrides.map(\.argument).joined(separator: " ")
            return "run \(index) of \(count) of the sweep (\(arguments.isEmpty ? "no overrides" : arguments)) cannot be queued, so none was:\n"
                + underlying.description
        }
    }

    /// Every combination of `axes` (first axis slowest, `SweepAxis.combinations`), each checked
    /// exactly as `submit` checks one config (`RunSubmitter.prepare`: valid, trainable, within
    /// `memoryLimit`); the first failing one is thrown as `CombinationError` and nothing is queued.
    public static func plan(configPath: String, axes: [SweepAxis], trainability: RunSubmitter.Trainability,
                            memoryLimit: MemoryLimit) throws -> [PlannedRun] {
        let combinations = try SweepAxis.combinations(axes)
        var planned: [PlannedRun] = []
        for (index, overrides) in combinations.enumerated() {
            do {
                let config = try RunSubmitter.prepare(configPath: configPath, overrides: overrides, trainability: trainability, memoryLimit: memoryLimit)
                planned.append(PlannedRun(overrides: overrides, config: config))
            } catch {
                throw CombinationError(index: index + 1, count: combinations.count, overrides: overrides, underlying: error)
            }
        }
        return planned
    }

    /// Queues the planned runs and the sweep in one transaction (all or none), in plan order.
    /// `name` defaults to the first run's `run.name`.
    public static func submit(_ planned: [PlannedRun], name: String?, configPath: String, axes: [SweepAxis],
                              store: RunStore) throws -> (sweep: SweepRecord, runs: [RunRecord]) {
        let submissions = try planned.map { try RunSubmitter.submission($0.config) }
        return try store.submitSweep(name: name ?? planned.first?.config.run.name ?? "sweep", configPath: configPath,
                                     axesText: axes.map(\.argument).joined(separator: "\n"), runs: submissions)
    }
}
