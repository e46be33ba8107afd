import Daemon
import RunConfiguration

/// How `dratsd serve` schedules runs. The defaults suit a systemd unit with `WatchdogSec=60s`.
public struct ServiceSettings: Sendable, Equatable {
    /// Runs trained at once (default 1). Counted over the whole run database, so runs that
    /// `dratsd train` holds in the foreground take slots too. The machine's cores are shared
    /// out between them (see `ThreadBudget`).
    public var maxConcurrent: Int
    /// How often the database is polled for newly queued runs, in seconds (default 2).
    public var pollIntervalSeconds: Double
    /// A running run whose owner has not renewed its lease for this long is taken to be
    /// orphaned (its pid was reused, or its service hung) and requeued at start, in seconds
    /// (default 120).
    public var leaseTimeoutSeconds: Double
    /// Lost attempts in a row (the service died, no checkpoint in between) after which a run is
    /// failed at start instead of requeued (default 3; see `RunStore.recoverOrphans`).
    public var lostAttemptLimit: Int
    /// How long a store write waits for another process's transaction, in seconds (default 10;
    /// well under the watchdog period, so a busy database never looks like a hung service).
    public var databaseBusyTimeoutSeconds: Double
    /// The most memory one run may need (`--memory-limit`); nil reads `DRATSD_MEMORY_LIMIT` from
    /// the service's environment, else takes 90% of the machine's. A run whose estimate exceeds
    /// it fails when it would start; one that fits alone but not beside the running runs waits.
    public var memoryLimit: MemoryLimit?
    /// Where to write the Prometheus textfile (`MetricsTextfile`), nil for none.
    public var metricsTextfile: String?
    /// How often the textfile is rewritten, in seconds (default 5).
    public var metricsIntervalSeconds: Double

    public init(maxConcurrent: Int = 1, pollIntervalSeconds: Double = 2, leaseTimeoutSeconds: Double = 120,
                lostAttemptLimit: Int = RunStore.defaultLostAttemptLimit, databaseBusyTimeoutSeconds: Double = 10,
                memoryLimit: MemoryLimit? = nil, metricsTextfile: String? = nil, metricsIntervalSeconds: Double = 5) {
        self.memoryLimit = memoryLimit
        self.metricsTextfile = metricsTextfile
        self.metricsIntervalSeconds = metricsIntervalSeconds
        self.maxConcurrent = maxConcurrent
        self.pollIntervalSeconds = pollIntervalSeconds
        self.leaseTimeoutSeconds = leaseTimeoutSeconds
        self.lostAttemptLimit = lostAttemptLimit
        self.databaseBusyTimeoutSeconds = databaseBusyTimeoutSeconds
    }

    /// Lease renewals happen this often: a quarter of the lease timeout, so three missed
    /// renewals in a row still leave the lease valid.
    public var heartbeatIntervalSeconds: Double { leaseTimeoutSeconds / 4 }

    /// Checks every setting and names the first one out of range.
    public func validate() throws(ServiceError) {
        guard (1...256).contains(maxConcurrent) else {
            throw .invalidSetting(name: "--max-concurrent", value: String(maxConcurrent), allowed: "an integer from 1 to 256")
        }
        guard pollIntervalSeconds.isFinite, pollIntervalSeconds >= 0.05, pollIntervalSeconds <= 3600 else {
            throw .invalidSetting(name: "--poll-interval-seconds", value: String(pollIntervalSeconds),
                                  allowed: "a number of seconds from 0.05 to 3600")
        }
        guard leaseTimeoutSeconds.isFinite, leaseTimeoutSeconds >= 1, leaseTimeoutSeconds <= 86_400 else {
            throw .invalidSetting(name: "--lease-timeout-seconds", value: String(leaseTimeoutSeconds),
                                  allowed: "a number of seconds from 1 to 86400")
        }
        guard (1...1000).contains(lostAttemptLimit) else {
            throw .invalidSetting(name: "--lost-attempt-limit", value: String(lostAttemptLimit), allowed: "an integer from 1 to 1000")
        }
        guard metricsIntervalSeconds.isFinite, metricsIntervalSeconds >= 0.5, metricsIntervalSeconds <= 3600 else {
            throw .invalidSetting(name: "--metrics-interval-seconds", value: String(metricsIntervalSeconds),
                                  allowed: "a number of seconds from 0.5 to 3600")
        }
        if let metricsTextfile { try MetricsTextfile.check(path: metricsTextfile) }
        guard databaseBusyTimeoutSeconds.isFinite, databaseBusyTimeoutSeconds > 0, databaseBusyTimeoutSeconds <= 600 else {
            throw .invalidSetting(name: "database busy timeout", value: String(databaseBusyTimeoutSeconds),
                                  allowed: "a number of seconds above 0 and at most 600")
        }
    }
}
