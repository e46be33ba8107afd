/// The one-line summary `dratsd serve` sends as systemd's `STATUS=` (what `systemctl status`
/// shows), e.g. "2 running, 3 queued, last: run r-20261125-k3x9qa completed".
public struct ServiceStatus: Sendable, Equatable {
    /// Runs this service is training.
    public var running: Int
    /// Runs waiting in the database's queue.
    public var queued: Int
    /// The latest run event ("run r-... completed"), nil until there is one.
    public var lastEvent: String?
    /// True once a shutdown began: the running runs are checkpointing.
    public var stopping: Bool

    public init(running: Int = 0, queued: Int = 0, lastEvent: String? = nil, stopping: Bool = false) {
        self.running = running
        self.queued = queued
        self.lastEvent = lastEvent
        self.stopping = stopping
    }

    /// The summary line.
    public var line: String {
        var parts: [String] = []
        if stopping {
            parts.append(running == 0 ? "stopping" : "stopping: checkpointing \(running) run\(running == 1 ? "" : "s")")
        } else {
            parts.append("\(running) running")
        }
        parts.append("\(queued) queued")
        if let lastEvent { parts.append("last: " + lastEvent) }
        return parts.joined(separator: ", ")
    }
}
