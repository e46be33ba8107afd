import Daemon
import Foundation
import RunConfiguration

/// Trains one run that the store holds in state `running` under `owner`, to its budget or
/// until asked to stop, and moves it to its final state. The service runs one executor call
/// per claimed run on its own thread; `dratsd train` runs one in the foreground.
///
/// Per run folder (`<state>/runs/<id>/`): `config.yaml` (created if missing), `train.log`
/// (one human line per iteration plus events), `metrics.jsonl` (see `MetricsLine`) and
/// `checkpoints/` (see `RunCheckpoints`).
public struct RunExecutor: Sendable {
    public let stateDirectory: StateDirectory
    public let store: RunStore
    public let owner: RunOwner
    /// Environment threads for runs whose config leaves `env.workerThreads` at 0 (one per
    /// core); nil keeps one per core. A service running N runs on C cores passes max(1, C / N).
    public var defaultEnvironmentThreads: Int?

    public init(stateDirectory: StateDirectory, store: RunStore, owner: RunOwner) {
        self.stateDirectory = stateDirectory
        self.store = store
        self.owner = owner
    }

    public init(stateDirectory: StateDirectory, store: RunStore, owner: RunOwner, defaultEnvironmentThreads: Int?) {
        self.init(stateDirectory: stateDirectory, store: store, owner: owner)
        self.defaultEnvironmentThreads = defaultEnvironmentThreads
    }

    /// Trains a run that the store holds in state `running` under `owner`: restores the newest
    /// intact checkpoint (falling back past corrupt ones) or starts fresh, trains to the budget
    /// writing train.log / metrics.jsonl / checkpoints, records progress in the store, checks
    /// `stop` and the store's cancel request after every iteration, moves the run to its final
    /// state itself and returns the outcome. `progress` gets one line per iteration (for a terminal).
    ///
    /// A run that is not running under `owner` is left alone (outcome `failed`, store untouched).
    public func execute(runID: String, stop: StopSignal, progress: ((String) -> Void)? = nil) -> RunOutcome {
        let record: RunRecord
        do {
            record = try store.run(id: runID)
            guard record.state == .running, record.owner?.leaseToken == owner.leaseToken else {
                throw RunExecutionError.notOwned(runID: runID, state: record.state)
            }
        } catch {
            return .failed(reason: String(describing: error))
        }

        let session: RunSession
        do throws(RunExecutionError) {
            let config: RunConfig
            do { config = try RunConfig.load(yaml: record.configText, file: "config.yaml of \(runID)", defaultName: record.name) } catch {
                throw RunExecutionError.config(error)
            }
            let folder: RunFolder
            do {
                folder = try RunFolder(stateDirectory: stateDirectory, runID: runID)
                try folder.create(configText: record.configText)
            } catch { throw RunExecutionError.classify(error) }
            session = try RunSession(runID: runID, config: config, folder: folder, store: store, owner: owner,
                                     environmentThreads: defaultEnvironmentThreads, progress: progress)
        } catch {
            return finish(runID, outcome(for: error), logs: nil)
        }
        defer { session.logs.close() }

        let result: RunOutcome
        do {
            switch try session.train(stop: stop) {
            case .budgetSpent: result = .completed
            case .cancelRequested: result = .cancelled
            case .requested(.shutdown): result = .requeued
            case .requested(.interrupted):
                result = .paused(reason: "interrupted at \(session.trainer.globalStep) of \(session.config.run.totalEnvSteps) env steps")
            }
        } catch {
            result = outcome(for: error)
        }
        return finish(runID, result, logs: session.logs)
    }

    /// A full disk pauses the run (nothing is wrong with it); everything else fails it.
    private func outcome(for error: RunExecutionError) -> RunOutcome {
        if case .diskFull = error { return .paused(reason: error.description) }
        return .failed(reason: error.description)
    }

    /// Logs the outcome and moves the run to its state. When the store refuses (the lease was
    /// lost to another service), the run is that service's now and only the log says so.
    private func finish(_ runID: String, _ outcome: RunOutcome, logs: RunLogs?) -> RunOutcome {
        do {
            try store.transition(runID, to: outcome.state, owner: owner, reason: outcome.reason)
            logs?.eventIfPossible("\(outcome.state): " + (outcome.reason ?? finishNote(outcome)))
        } catch {
            logs?.eventIfPossible("warning: the run stopped (\(outcome)) but the store refused the state change: \(error)")
            return .failed(reason: "\(outcome); the store refused the state change: \(error)")
        }
        return outcome
    }

    private func finishNote(_ outcome: RunOutcome) -> String {
        switch outcome {
        case .completed: "the step budget is spent"
        case .requeued: "checkpointed for a service shutdown; the run resumes when the service starts again"
        case .cancelled: "checkpointed and cancelled on request"
        case .paused, .failed: ""
        }
    }
}
