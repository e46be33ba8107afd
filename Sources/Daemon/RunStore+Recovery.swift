import Foundation
import GRDB

extension RunStore {
    /// Requeues running runs whose owner is gone, so a service started after a crash or
    /// `kill -9` resumes them from their last checkpoint. Call once at service start.
    ///
    /// An owner is gone when it ran under another boot, its pid no longer exists, its pid is
    /// this process (one process is one service, so that was an earlier incarnation), or its
    /// heartbeat is older than `leaseTimeoutSeconds` (its pid was reused, or it hung).
    /// Runs held by `current` are left alone.
    ///
    /// Each such run counts one more lost attempt (see `RunRecord.lostAttempts`). A run that
    /// reaches `lostAttemptLimit` lost attempts in a row without writing a checkpoint is failed
    /// instead of requeued: it most likely takes its service down, and requeueing it would
    /// crash-loop the service forever. `dratsd resume` puts it back with the count cleared.
    ///
    /// Returns every recovered run in its new state (`.queued` or `.failed`).
    public func recoverOrphans(current: RunOwner, leaseTimeoutSeconds: Double, lostAttemptLimit: Int = RunStore.defaultLostAttemptLimit,
                               at now: Date = Date()) throws(DaemonError) -> [RunRecord] {
        guard leaseTimeoutSeconds.isFinite, leaseTimeoutSeconds > 0 else {
            throw .invalidField(field: "leaseTimeoutSeconds", value: String(leaseTimeoutSeconds), allowed: "a finite number > 0")
        }
        guard lostAttemptLimit >= 1 else {
            throw .invalidField(field: "lostAttemptLimit", value: String(lostAttemptLimit), allowed: "an integer >= 1")
        }
        return try write { db in
            let running = try RunRecord.filter(RunRecord.RunColumns.state == RunState.running.rawValue).fetchAll(db)
            var recovered: [RunRecord] = []
            for var record in running where Self.isOrphaned(record, current: current, leaseTimeoutSeconds: leaseTimeoutSeconds, now: now) {
                let lost = record.lostAttempts + 1
                if lost >= lostAttemptLimit {
                    let reason = "the service training this run stopped without a clean shutdown \(lost) times in a row "
                        + "with no checkpoint written in between (a crash, kill -9 or power loss each time); the run may be what crashes it. "
                        + "Look at the service log and the run's log, then `dratsd resume \(record.id)` to try again"
                    record.apply(.failed, owner: nil, reason: reason, at: now)
                } else {
                    record.apply(.queued, owner: nil, reason: nil, at: now)
                }
                record.lostAttempts = lost
                try record.update(db)
                recovered.append(record)
            }
            return recovered
        }
    }

    /// Lost attempts in a row after which a run is failed rather than requeued.
    public static let defaultLostAttemptLimit = 3

    static func isOrphaned(_ record: RunRecord, current: RunOwner, leaseTimeoutSeconds: Double, now: Date) -> Bool {
        guard let owner = record.owner else { return true }
        if owner.leaseToken == current.leaseToken { return false }
        if owner.bootID != current.bootID { return true }
        if owner.pid == current.pid || !RunOwner.processExists(owner.pid) { return true }
        guard let heartbeat = record.ownerHeartbeatAt else { return true }
        return now.timeIntervalSince(heartbeat) > leaseTimeoutSeconds
    }
}
