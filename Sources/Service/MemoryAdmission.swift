import Daemon
import RunConfiguration

/// Whether the next queued run may start beside the runs already running: `dratsd serve
/// --max-concurrent N` trains up to N runs in one process, so their memory adds up. A run whose
/// estimate alone exceeds the limit is let through, and its executor fails it with the figures
/// (it could never start); a run that fits alone but not beside the running ones (this service's
/// or a foreground `dratsd train`'s) waits in the queue, holding back the runs behind it, until
/// enough of them finish. Each estimate includes the process's own share
/// (`RunConfig.processBytes`), which runs in one service share, so the sum errs on the safe side.
final class MemoryAdmission {
    let limit: MemoryLimit
    /// Estimates by config checksum (nil: the config does not load, and its executor will say why).
    private var estimates: [String: Int?] = [:]

    init(limit: MemoryLimit) { self.limit = limit }

    /// Why `next` must wait for some of `running` to finish, or nil when it may start now.
    func waitReason(next: RunRecord, running: [RunRecord]) -> String? {
        guard !running.isEmpty, let needed = estimate(next), needed <= limit.bytes else { return nil }
        let inUse = running.compactMap(estimate).reduce(0) { $0 > Int.max - $1 ? Int.max : $0 + $1 }
        guard inUse > limit.bytes - needed else { return nil }
        return "run \(next.id) (\(PrintableText.escaped(next.name))) waits for memory: it needs about \(ByteCount.text(needed)), "
            + "and the \(running.count) running run\(running.count == 1 ? "" : "s") about \(ByteCount.text(inUse)) of the limit of "
            + "\(limit); it starts when enough of them finish"
    }

    /// The memory estimate of `record`'s config, in bytes.
    func estimate(_ record: RunRecord) -> Int? {
        if let known = estimates[record.configSHA256] { return known }
        let bytes = (try? RunConfig.load(yaml: record.configText, defaultName: record.name))?.memoryEstimate.totalBytes
        estimates[record.configSHA256] = bytes
        return bytes
    }
}
