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
    public func recoverOrphans(current: RunOwner, leaseTimeoutSeconds: Double,
                               at now: Date = Date()) throws(DaemonError) -> [RunRecord] {
        guard leaseTimeoutSeconds.isFinite, leaseTimeoutSeconds > 0 else {
            throw .invalidField(field: "leaseTimeoutSeconds", value: String(leaseTimeoutSeconds), allowed: "a finite number > 0")
        }
        return try write { db in
            let running = try RunRecord.filter(RunRecord.RunColumns.state == RunState.running.rawValue).fetchAll(db)
            var recovered: [RunRecord] = []
            for var record in running where Self.isOrphaned(record, current: current, leaseTimeoutSeconds: leaseTimeoutSeconds, now: now) {
                record.apply(.queued, owner: nil, reason: nil, at: now)
                try record.update(db)
                recovered.append(record)
            }
            return recovered
        }
    }

    static func isOrphaned(_ record: RunRecord, current: RunOwner, leaseTimeoutSeconds: Double, now: Date) -> Bool {
        guard let owner = record.owner else { return true }
        if owner.leaseToken == current.leaseToken { return false }
        if owner.bootID != current.bootID { return true }
        if owner.pid == current.pid || !RunOwner.processExists(owner.pid) { return true }
        guard let heartbeat = record.ownerHeartbeatAt else { return true }
        return now.timeIntervalSince(heartbeat) > leaseTimeoutSeconds
    }
}
