import ArgumentParser
import Service

/// `dratsd serve`: the long-running training service (what the systemd unit starts).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Train queued runs until SIGTERM or SIGINT; what the systemd unit runs.",
        discussion: """
            At start, runs left running by a service that is gone go back to the queue and resume from \
            their last checkpoints. Then queued runs are trained in submission order, up to \
            --max-concurrent at once; with N at once on C cores each run gets max(1, C / N) environment \
            threads unless its config sets env.workerThreads. SIGTERM or SIGINT checkpoints every \
            running run, puts it back in the queue and exits 0. Speaks systemd's notify protocol \
            (READY, STATUS, WATCHDOG, STOPPING) when $NOTIFY_SOCKET is set; logs one line per event on stderr. \
            A run whose memory estimate exceeds --memory-limit fails when it would start; one that fits alone \
            but not beside the runs already training waits in the queue (holding back the runs behind it).
            """
    )

    @Option(name: .customLong("max-concurrent"),
            help: "Runs trained at once (1-256), counted over the whole run database, so `dratsd train` runs take slots too.")
    var maxConcurrent = 1

    @Option(name: .customLong("poll-interval-seconds"),
            help: "How often to look for newly submitted runs, in seconds (0.05-3600).")
    var pollIntervalSeconds = 2.0

    @Option(name: .customLong("lease-timeout-seconds"),
            help: "At start, a running run whose owner (a service or `dratsd train`) is alive but has not renewed its lease for this long (it hung) is requeued, in seconds (1-86400).")
    var leaseTimeoutSeconds = 120.0

    @Option(name: .customLong("lost-attempt-limit"),
            help: "At start, a run whose service died this many times in a row without a checkpoint in between is failed instead of requeued, so a run that crashes the service cannot crash-loop it (1-1000).")
    var lostAttemptLimit = 3

    @Option(help: ArgumentHelp(
        "Write the service's state in Prometheus text format to this file (ending in .prom), atomically, for node_exporter's textfile collector (e.g. /var/lib/prometheus/node-exporter/dratsd.prom).",
        valueName: "path"))
    var metricsTextfile: String?

    @Option(help: "How often the metrics textfile is rewritten, in seconds (0.5-3600).")
    var metricsIntervalSeconds = 5.0

    @OptionGroup var memoryLimit: MemoryLimitOption
    @OptionGroup var stateDirectory: StateDirectoryOption

    func validate() throws {
        do {
            try settings.validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    var settings: ServiceSettings {
        ServiceSettings(maxConcurrent: maxConcurrent, pollIntervalSeconds: pollIntervalSeconds, leaseTimeoutSeconds: leaseTimeoutSeconds,
                        lostAttemptLimit: lostAttemptLimit, metricsTextfile: metricsTextfile, metricsIntervalSeconds: metricsIntervalSeconds)
    }

    func run() throws {
        var settings = settings
        settings.memoryLimit = try memoryLimit.resolve()
        try Service(stateDirectoryFlag: stateDirectory.path, settings: settings).run()
    }
}
