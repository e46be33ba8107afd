#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Daemon
import Foundation
import Operations
import RunConfiguration
import Samplers

/// `dratsd train CONFIG`: one run in the foreground, registered in the store like any other
/// (so `list`, `show`, `logs` and `resume` work on it) but run by this process, without a service.
public enum ForegroundTraining {
    /// What the foreground run ended with.
    public struct Result: Sendable {
        public var runID: String
        public var folder: String
        public var outcome: RunOutcome
        /// The signal that interrupted the run, if one did.
        public var signal: Int32?
    }

    /// Loads and validates the config file with `overrides` applied, with `submit`'s one check
    /// (`RunSubmitter.prepare`: valid, trainable by this build, within `memoryLimit`); every
    /// problem is thrown at once as `RunConfigError.invalid`, and a config whose run would not
    /// fit as `RunConfigError.exceedsMemory`.
    public static func load(configPath: String, overrides: [ConfigOverride] = [], memoryLimit: MemoryLimit) throws(RunConfigError) -> RunConfig {
        try RunSubmitter.prepare(configPath: configPath, overrides: overrides, trainability: RunTrainability.problems, memoryLimit: memoryLimit)
    }

    /// Validates the config, registers the run as running under this process, trains it with
    /// progress on `terminal` until the budget is spent or SIGINT/SIGTERM (which stop it after
    /// the current iteration with a checkpoint), and prints how it ended. The last line printed
    /// is the run id and its folder.
    public static func run(configPath: String, overrides: [ConfigOverride] = [], stateDirectory: StateDirectory, store: RunStore,
                           memoryLimit: MemoryLimit, terminal: TerminalProgress = TerminalProgress()) throws -> Result {
        let config = try load(configPath: configPath, overrides: overrides, memoryLimit: memoryLimit)
        let submission = try RunSubmitter.submission(config)
        let stop = StopSignal()
        let signals = SignalStop(stop, reason: .interrupted) { number in
            terminal.print("\(number == SIGINT ? "SIGINT" : "SIGTERM"): stopping after the current iteration and checkpointing...",
                           toStandardError: true)
        }
        let owner = RunOwner.current()
        let record = try store.submitRunning(submission, owner: owner)
        let folder = try RunFolder(stateDirectory: stateDirectory, runID: record.id)
        terminal.print("run \(record.id): \(PrintableText.escaped(config.run.name)), \(config.env.suite.rawValue) (\(config.env.tasks.count) tasks), "
            + "\(config.sampler.kind.rawValue) sampler, \(config.run.totalEnvSteps) env steps; folder \(folder.url.path)")

        let heartbeat = LeaseHeartbeat(store: store, owner: owner)
        let started = Date()
        let outcome = RunExecutor(stateDirectory: stateDirectory, store: store, owner: owner, memoryLimit: memoryLimit)
            .execute(runID: record.id, stop: stop, progress: terminal.show)
        heartbeat.stop()
        signals.cancel()

        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        let steps = (try? store.run(id: record.id).envSteps).map(String.init) ?? "?"
        switch outcome {
        case .completed:
            terminal.print("completed: \(steps) env steps in \(seconds) s")
        case .paused(let reason) where signals.receivedSignal != nil:
            terminal.print("interrupted (\(reason)); the run is paused with its checkpoint. "
                + "Continue it with `dratsd resume \(record.id)`, which queues it for `dratsd serve`.", toStandardError: true)
        case .paused(let reason):
            terminal.print("paused: \(reason)", toStandardError: true)
        case .failed(let reason):
            terminal.print("failed: \(reason)", toStandardError: true)
        case .cancelled:
            terminal.print("cancelled by `dratsd cancel` after \(steps) env steps", toStandardError: true)
        case .requeued:
            terminal.print("requeued after \(steps) env steps; `dratsd serve` continues it", toStandardError: true)
        }
        terminal.print("\(record.id) \(folder.url.path)")
        return Result(runID: record.id, folder: folder.url.path, outcome: outcome, signal: signals.receivedSignal)
    }
}
