import Daemon
import Foundation
import RunConfiguration
import RunExecution

/// `dratsd serve`: the long-running service. It requeues runs a dead service left running,
/// tells systemd it is ready, then trains queued runs, up to `maxConcurrent` at once, each on
/// its own thread, polling the run database for new submissions. SIGTERM or SIGINT makes every
/// running run checkpoint and go back to the queue, and the service exit.
///
/// Everything that talks to the database, systemd or the run threads happens on the thread
/// that calls `run()`; run threads and signal sources only post events to its mailbox.
public final class Service {
    let settings: ServiceSettings
    let stateDirectory: StateDirectory
    let store: RunStore
    let owner: RunOwner
    let notifier: SystemdNotifier
    let watchdogInterval: Duration?
    let log: ServiceLog
    /// Environment threads a run gets unless its config pins its own (see `ThreadBudget`).
    let environmentThreadsPerRun: Int
    /// The most memory one run may need, and the check that the runs started together fit.
    let memory: MemoryAdmission
    /// The queued run last reported as waiting for memory (so it is logged once).
    private var waitingRunID: String?
    /// The Prometheus textfile, when asked for, and the last error writing it (logged once).
    private let metricsTextfile: MetricsTextfile?
    private var metricsError: String?

    private let mailbox = Mailbox<Event>()
    private var running: [String: StopSignal] = [:]
    private var status = ServiceStatus()
    private var sentStatusLine: String?

    enum Event: Sendable {
        case signal(Int32)
        case finished(runID: String, outcome: RunOutcome)
    }

    /// Prepares the state directory, opens the run database (checking its integrity) and reads
    /// systemd's variables (`NOTIFY_SOCKET`, `WATCHDOG_USEC`, `LOGS_DIRECTORY`) from
    /// `environment`, and `DRATSD_MEMORY_LIMIT` unless `settings.memoryLimit` is set. Nothing is
    /// claimed or requeued until `run()`.
    public init(stateDirectoryFlag: String?, settings: ServiceSettings,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                log: ServiceLog? = nil) throws {
        try settings.validate()
        self.settings = settings
        memory = MemoryAdmission(limit: try settings.memoryLimit ?? MemoryLimit.resolve(flag: nil, environment: environment))
        self.log = log ?? ServiceLog(environment: environment)
        stateDirectory = try StateDirectory.prepare(flag: stateDirectoryFlag, environment: environment)
        store = try RunStore(stateDirectory: stateDirectory, busyTimeoutSeconds: settings.databaseBusyTimeoutSeconds)
        let findings = try store.integrityProblems()
        guard findings.isEmpty else { throw ServiceError.damagedDatabase(path: store.databasePath, findings: findings) }
        owner = RunOwner.current()
        notifier = SystemdNotifier(environment: environment)
        watchdogInterval = try SystemdNotifier.watchdogInterval(environment: environment)
        environmentThreadsPerRun = ThreadBudget.environmentThreads(cores: ProcessInfo.processInfo.activeProcessorCount,
                                                                   maxConcurrent: settings.maxConcurrent)
        metricsTextfile = settings.metricsTextfile.map(MetricsTextfile.init(path:))
    }

    /// Serves until SIGTERM or SIGINT, then returns once every running run has checkpointed and
    /// gone back to the queue.
    public func run() throws {
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) { [mailbox] signal in mailbox.post(.signal(signal)) }
        defer { signals.cancel() }

        let recovered = try store.recoverOrphans(current: owner, leaseTimeoutSeconds: settings.leaseTimeoutSeconds,
                                                 lostAttemptLimit: settings.lostAttemptLimit)
        for record in recovered {
            if record.state == .failed {
                log.event("failed run \(record.id) (\(PrintableText.escaped(record.name))): \(record.failureReason ?? "its service was lost too often")")
            } else {
                log.event("requeued run \(record.id) (\(PrintableText.escaped(record.name))): the service that was training it is gone; it resumes from its last checkpoint"
                          + (record.lostAttempts > 1 ? " (lost attempt \(record.lostAttempts) in a row without a new checkpoint)" : ""))
            }
        }
        log.event("ready: state directory \(stateDirectory.url.path), pid \(owner.pid), up to \(settings.maxConcurrent) run\(settings.maxConcurrent == 1 ? "" : "s") at once, "
                  + "\(environmentThreadsPerRun) environment thread\(environmentThreadsPerRun == 1 ? "" : "s") each, "
                  + "memory limit \(memory.limit), "
                  + (watchdogInterval.map { "watchdog keep-alive every \($0)" } ?? "no watchdog"))
        status.queued = (try? store.count(in: .queued)) ?? 0
        notify([.ready, .status(status.line)])
        sentStatusLine = status.line

        let clock = ContinuousClock()
        var poll = PeriodicSchedule(interval: .seconds(settings.pollIntervalSeconds), start: clock.now)
        let heartbeatInterval = Duration.seconds(settings.heartbeatIntervalSeconds)
        var heartbeat = PeriodicSchedule(interval: heartbeatInterval, start: clock.now + heartbeatInterval)
        var watchdog = watchdogInterval.map { PeriodicSchedule(interval: $0, start: clock.now) }
        var metrics = metricsTextfile.map { _ in PeriodicSchedule(interval: .seconds(settings.metricsIntervalSeconds), start: clock.now) }

        while true {
            var now = clock.now
            if var schedule = watchdog, schedule.isDue(at: now) {
                // Sent from this loop, not a timer thread: a hung loop stops the keep-alives
                // and systemd restarts the service.
                notify([.watchdog])
                schedule.markDone(at: now)
                watchdog = schedule
            }
            if heartbeat.isDue(at: now) {
                if !running.isEmpty {
                    do { try store.heartbeat(owner: owner) } catch { log.event("lease heartbeat failed (retrying): \(error)") }
                }
                heartbeat.markDone(at: now)
            }
            if poll.isDue(at: now) {
                if !status.stopping { startQueuedRuns() }
                if let queued = try? store.count(in: .queued) { status.queued = queued }
                poll.markDone(at: now)
            }
            status.running = running.count
            publishStatus()
            if var schedule = metrics, schedule.isDue(at: now) {
                writeMetrics(up: true)
                schedule.markDone(at: clock.now)
                metrics = schedule
            }
            if status.stopping && running.isEmpty { break }

            now = clock.now
            var sleep = poll.timeUntilDue(from: now)
            sleep = min(sleep, heartbeat.timeUntilDue(from: now))
            if let watchdog { sleep = min(sleep, watchdog.timeUntilDue(from: now)) }
            if let metrics { sleep = min(sleep, metrics.timeUntilDue(from: now)) }
            for event in mailbox.wait(timeout: sleep) {
                switch event {
                case let .signal(signal):
                    beginShutdown(signal)
                case let .finished(runID, outcome):
                    finished(runID, outcome)
                    poll.makeDue(at: clock.now)
                }
            }
        }
        status.running = 0
        if let queued = try? store.count(in: .queued) { status.queued = queued }
        publishStatus()
        writeMetrics(up: false)
        log.event("stopped cleanly; \(status.queued) queued")
    }

    /// Rewrites the Prometheus textfile; a failure is logged (once until it changes or clears)
    /// and never stops the service.
    private func writeMetrics(up: Bool) {
        guard let metricsTextfile else { return }
        do {
            try metricsTextfile.write(store: store, stateDirectory: stateDirectory, status: status, up: up)
            if metricsError != nil { log.event("metrics textfile \(metricsTextfile.path) written again") }
            metricsError = nil
        } catch {
            let message = "cannot write the metrics textfile \(metricsTextfile.path) (retrying): \(error)"
            if message != metricsError { log.event(message) }
            metricsError = message
        }
    }

    /// Claims queued runs while slots are free and the next one fits in memory beside the
    /// running ones (`MemoryAdmission`), and starts each on its own thread.
    private func startQueuedRuns() {
        while running.count < settings.maxConcurrent {
            let claimed: RunRecord?
            var waiting: (id: String, reason: String)?
            do {
                claimed = try store.claimNext(owner: owner, maxConcurrent: settings.maxConcurrent) { [memory] next, running in
                    guard let reason = memory.waitReason(next: next, running: running) else { return true }
                    waiting = (next.id, reason)
                    return false
                }
            } catch {
                log.event("cannot claim a queued run (retrying at the next poll): \(error)")
                return
            }
            if let waiting, waiting.id != waitingRunID {
                log.event(waiting.reason)
                status.lastEvent = "run \(waiting.id) waits for memory"
            }
            waitingRunID = waiting?.id
            guard let record = claimed else { return }
            start(record)
        }
    }

    private func start(_ record: RunRecord) {
        let stop = StopSignal()
        running[record.id] = stop
        let executor = RunExecutor(stateDirectory: stateDirectory, store: store, owner: owner,
                                   defaultEnvironmentThreads: environmentThreadsPerRun, memoryLimit: memory.limit)
        let progress = record.envSteps > 0 ? "resuming at \(record.envSteps) of \(record.totalEnvSteps) env steps" : "\(record.totalEnvSteps) env steps"
        log.event("started run \(record.id) (\(PrintableText.escaped(record.name)), attempt \(record.attemptCount), \(progress))")
        status.lastEvent = "run \(record.id) started"
        let runID = record.id
        let thread = Thread { [mailbox] in
            let outcome = executor.execute(runID: runID, stop: stop)
            mailbox.post(.finished(runID: runID, outcome: outcome))
        }
        thread.name = "run \(runID)"
        // Room for deep trainer call stacks; Foundation's default for secondary threads is small on some platforms.
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func finished(_ runID: String, _ outcome: RunOutcome) {
        running[runID] = nil
        let detail = switch outcome {
        case .requeued: "checkpointed and requeued; it resumes at the next start"
        case .paused: "\(outcome); `dratsd resume \(runID)` requeues it"
        default: outcome.description
        }
        log.event("run \(runID) \(detail)")
        status.lastEvent = "run \(runID) " + (outcome == .requeued ? "requeued" : outcome.state.rawValue)
    }

    private func beginShutdown(_ signal: Int32) {
        let name = signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
        guard !status.stopping else {
            // A second signal bounds the graceful stop: exit now. Runs still checkpointing are
            // left `running` in the registry; the next start requeues them as orphans and they
            // resume from their newest checkpoints (systemd's TimeoutStopSec bounds it likewise).
            log.event(running.isEmpty ? "\(name) again: exiting now; every run is checkpointed and requeued"
                : "\(name) again: exiting now without waiting for \(running.count) run\(running.count == 1 ? "" : "s") to checkpoint; "
                + "the next start requeues \(running.count == 1 ? "it" : "them") from the newest checkpoint\(running.count == 1 ? "" : "s")")
            notify([.status("exiting at once on a second \(name)")])
            _exit(128 + signal)
        }
        status.stopping = true
        status.running = running.count
        log.event(running.isEmpty ? "\(name): stopping; no run is training"
                  : "\(name): stopping; checkpointing \(running.count) running run\(running.count == 1 ? "" : "s") and requeueing \(running.count == 1 ? "it" : "them")")
        notify([.stopping, .status(status.line)])
        sentStatusLine = status.line
        for stop in running.values { stop.request(.shutdown) }
    }

    private func publishStatus() {
        let line = status.line
        guard line != sentStatusLine else { return }
        notify([.status(line)])
        sentStatusLine = line
    }

    private func notify(_ messages: [SystemdNotifier.Message]) {
        do { try notifier.send(messages) } catch { log.event("cannot notify systemd: \(error)") }
    }
}
