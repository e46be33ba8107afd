import Foundation
import GRDB

extension RunStore {
    /// Registers a new run and starts it at once under `owner`, in one transaction: the run is
    /// queued and claimed (queued -> running, as `claimNext` does) before any other process can
    /// see it, so a running service never picks up a run that `dratsd train` runs itself.
    @discardableResult
    public func submitRunning(_ submission: RunSubmission, owner: RunOwner, at now: Date = Date()) throws(DaemonError) -> RunRecord {
        try submission.validate()
        return try write { db in
            var record = try insertQueued(db, submission, at: now)
            record.apply(.running, owner: owner, reason: nil, at: now)
            try record.update(db)
            return record
        }
    }
}
