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
    /// Where the run folders are.
    public let stateDirectory: StateDirectory
    /// Where the runs' states are recorded: the run database, or a Slurm run's status file.
    public let ledger: any RunLedger
    /// The process that holds the runs' leases (a service, or `dratsd train`).
    public let owner: RunOwner
    /// Environment threads for runs whose config leaves `env.workerThreads` at 0 (one per
    /// core); nil keeps one per core. A service running N runs on C cores passes max(1, C / N).
    public var defaultEnvironmentThreads: Int?
    /// Seconds between attempts to record a stopped run's state while the run database's disk
    /// is full (see `finish`).
    public var diskFullRetrySeconds: Double = 5
    /// The most memory a run may need. Checked every time a run starts or resumes, before its
    /// trainer is built: a run whose estimate exceeds it (submitted under a larger limit, or on
    /// another machine) fails with the figures instead of crashing the process on allocation.
    public var memoryLimit: MemoryLimit

    /// `memoryLimit` defaults to this process's (`MemoryLimit.resolve`: `$DRATSD_MEMORY_LIMIT`,
    /// else the machine's; the machine's when the variable is not a size).
    public init(stateDirectory: StateDirectory, store: RunStore, owner: RunOwner, memoryLimit: MemoryLimit? = nil) {
        self.init(stateDirectory: stateDirectory, ledger: store, owner: owner, memoryLimit: memoryLimit)
    }

    /// An executor recording into `ledger` (a Slurm task's `FolderRunLedger`).
    public init(stateDirectory: StateDirectory, ledger: any RunLedger, owner: RunOwner, memoryLimit: MemoryLimit? = nil) {
        self.stateDirectory = stateDirectory
        self.ledger = ledger
        self.owner = owner
        self.memoryLimit = memoryLimit ?? (try? MemoryLimit.resolve(flag: nil)) ?? MemoryLimit.resolve(machine: MachineMemory.current())
    }

    public init(stateDirectory: StateDirectory, store: RunStore, owner: RunOwner, defaultEnvironmentThreads: Int?,
                memoryLimit: MemoryLimit? = nil) {
        self.init(stateDirectory: stateDirectory, store: store, owner: owner, memoryLimit: memoryLimit)
        self.defaultEnvironmentThreads = defaultEnvironmentThreads
    }

    /// Trains a run that the store holds in state `running` under `owner`: restores the newest
    /// intact checkpoint (falling back past corrupt ones) or starts fresh, trains to the budget
    /// writing train.log / metrics.jsonl / checkpoints, records progress in the store, checks
    /// `stop` and the store's cancel request after every iteration, moves the run to its final
    /// state itself and returns the outcome. `progress` gets one line per iteration (for a terminal).
    ///
    /// `progress` also gets the event lines written to train.log (start, resume, warnings,
    /// faults, the final state); iteration lines are the ones starting with `iter `.
    ///
    /// A run that is not running under `owner` is left alone (outcome `failed`, store untouched).
    public func execute(runID: String, stop: StopSignal, progress: ((String) -> Void)? = nil) -> RunOutcome {
        let record: RunRecord
        do {
            record = try ledger.currentRecord(of: runID)
            guard record.state == .running, record.owner?.leaseToken == owner.leaseToken else {
                throw RunExecutionError.notOwned(runID: runID, state: record.state)
            }
        } catch {
            return .failed(reason: String(describing: error))
        }

        // A fault (a NaN loss) restarts the session from the newest checkpoint; faults with no
        // checkpoint written in between are consecutive, and the third of those fails the run.
        var consecutiveFaults = 0
        while true {
            let session: RunSession
            do {
                session = try makeSession(record, progress: progress)
            } catch {
                return finish(runID, outcome(for: error), logs: nil, stop: stop)
            }
            defer { session.logs.close() }
            do throws(RunExecutionError) {
                let result: RunOutcome = switch try session.train(stop: stop) {
                case .budgetSpent: .completed
                case .cancelRequested: .cancelled
                case .requested(.shutdown), .abandonedForShutdown: .requeued
                case .requested(.interrupted):
                    .paused(reason: "interrupted at \(session.trainer.globalStep) of \(session.config.run.totalEnvSteps) env steps")
                }
                return finish(runID, result, logs: session.logs, stop: stop)
            } catch where error.isFault {
                consecutiveFaults = session.checkpointsWritten > 0 ? 1 : consecutiveFaults + 1
                let count: Int
                do { count = try ledger.reportFault(runID, owner: owner, reason: error.description) } catch {
                    return finish(runID, outcome(for: RunExecutionError.classify(error)), logs: session.logs, stop: stop)
                }
                if consecutiveFaults >= Self.maximumConsecutiveFaults {
                    return finish(runID, .failed(reason: "\(consecutiveFaults) consecutive faults (\(count) since the run was queued); last: \(error)"),
                                  logs: session.logs, stop: stop)
                }
                session.logs.eventIfPossible("fault \(consecutiveFaults) of \(Self.maximumConsecutiveFaults): \(error); restarting from the newest checkpoint")
                if let reason = stop.reason {
                    // The newest checkpoint is the state to keep; the faulted trainer is not.
                    return finish(runID, reason == .shutdown ? .requeued : .paused(reason: "interrupted after a fault: \(error)"), logs: session.logs, stop: stop)
                }
            } catch {
                return finish(runID, outcome(for: error), logs: session.logs, stop: stop)
            }
        }
    }

    /// Consecutive faults (NaN losses with no checkpoint written in between) that fail a run.
    public static let maximumConsecutiveFaults = 3

    /// Loads the run's config, checks that it fits in `memoryLimit`, creates its folder and
    /// builds the session (trainer restored).
    private func makeSession(_ record: RunRecord, progress: ((String) -> Void)?) throws(RunExecutionError) -> RunSession {
        let config: RunConfig
        do {
            config = try RunConfig.load(yaml: record.configText, file: "config.yaml of \(record.id)", defaultName: record.name)
            try config.checkMemory(limit: memoryLimit, file: "config.yaml of \(record.id)")
        } catch {
            throw .config(error)
        }
        let folder: RunFolder
        do {
            folder = try RunFolder(stateDirectory: stateDirectory, runID: record.id)
            try folder.create(configText: record.configText)
        } catch { throw RunExecutionError.classify(error) }
        return try RunSession(runID: record.id, config: config, folder: folder, ledger: ledger, owner: owner,
                              environmentThreads: defaultEnvironmentThreads, progress: progress)
    }

    /// A full disk pauses the run (nothing is wrong with it); everything else fails it.
    private func outcome(for error: RunExecutionError) -> RunOutcome {
        if case .diskFull = error { return .paused(reason: error.description) }
        return .failed(reason: error.description)
    }

    /// Logs the outcome and moves the run to its state. When the store refuses (the lease was
    /// lost to another service), the run is that service's now and only the log says so.
    ///
    /// When the run database's disk is full, the state change is retried every
    /// `diskFullRetrySeconds` until it lands, so the database never keeps a stopped run as
    /// `running`: until then the run holds its slot (the service's view and the database's
    /// agree), and once space returns the run is in its final state, `resume` and `cancel` act
    /// on it and the queue moves on, with no restart. A stop request while waiting leaves the run
    /// `running` under this process, which the next service start requeues as an orphan.
    private func finish(_ runID: String, _ outcome: RunOutcome, logs: RunLogs?, stop: StopSignal) -> RunOutcome {
        var warned = false
        while true {
            do {
                try ledger.finish(runID, as: outcome.state, owner: owner, reason: outcome.reason)
                logs?.eventIfPossible("\(outcome.state): " + (outcome.reason ?? finishNote(outcome)))
                return outcome
            } catch .diskFull(let path) {
                if !warned {
                    logs?.eventIfPossible("warning: the run stopped (\(outcome)) but the run database cannot record it: no space left on the device "
                        + "holding \(path); retrying every \(Int(diskFullRetrySeconds)) s until there is space")
                    warned = true
                }
                if stop.wait(seconds: diskFullRetrySeconds) != nil {
                    return .failed(reason: "\(outcome), not recorded: the run database's disk is full; the run stays running "
                                   + "until a service starts and requeues it")
                }
            } catch {
                logs?.eventIfPossible("warning: the run stopped (\(outcome)) but the store refused the state change: \(error)")
                return .failed(reason: "\(outcome); the store refused the state change: \(error)")
            }
        }
    }

    private func finishNote(_ outcome: RunOutcome) -> String {
        switch outcome {
        case .completed: "the step budget is spent"
        case .requeued: "checkpointed to stop (a service shutdown, or a Slurm requeue or preemption); the run resumes from this checkpoint when it starts again"
        case .cancelled: "checkpointed and cancelled on request"
        case .paused, .failed: ""
        }
    }
}
