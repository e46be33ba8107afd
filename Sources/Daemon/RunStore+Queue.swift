import Foundation
import GRDB

extension RunStore {
    /// Queues a new run and returns its record. Works whether or not a service is running.
    @discardableResult
    public func submit(_ submission: RunSubmission, at now: Date = Date()) throws(DaemonError) -> RunRecord {
        try submission.validate()
        return try write { db in try insertQueued(db, submission, at: now) }
    }

    /// Inserts `submission` as a new queued run under a fresh id. The id check and the insert
    /// share the caller's write transaction, so no other process can take the same id in between.
    func insertQueued(_ db: Database, _ submission: RunSubmission, at now: Date) throws -> RunRecord {
        var id = nextRunID(at: now)
        var draws = 1
        while try RunRecord.exists(db, key: id) {
            guard draws < 1000 else {
                throw DaemonError.database(path: databasePath, message: "no free run id after \(draws) draws")
            }
            id = nextRunID(at: now)
            draws += 1
        }
        let record = RunRecord.queued(id: id, submission, at: now)
        try record.insert(db)
        return record
    }

    /// Atomically moves the oldest queued run (new, resumed or recovered) to running under
    /// `owner`, unless `maxConcurrent` runs are already running or `admit`, asked with that run
    /// and every running one (of any owner) inside the same transaction, says it must wait.
    /// Returns nil when nothing can start. The queue keeps its order: a run that must wait
    /// holds back the runs behind it.
    public func claimNext(owner: RunOwner, maxConcurrent: Int, at now: Date = Date(),
                          admit: ((_ next: RunRecord, _ running: [RunRecord]) -> Bool)? = nil) throws(DaemonError) -> RunRecord? {
        guard maxConcurrent >= 1 else {
            throw .invalidField(field: "maxConcurrent", value: String(maxConcurrent), allowed: "an integer >= 1")
        }
        return try write { db in
            let running = RunRecord.filter(RunRecord.RunColumns.state == RunState.running.rawValue)
            guard try running.fetchCount(db) < maxConcurrent else { return nil }
            guard var record = try RunRecord
                .filter(RunRecord.RunColumns.state == RunState.queued.rawValue)
                .order(RunRecord.RunColumns.createdAt, RunRecord.RunColumns.id)
                .fetchOne(db)
            else { return nil }
            if let admit, !admit(record, try running.fetchAll(db)) { return nil }
            record.apply(.running, owner: owner, reason: nil, at: now)
            try record.update(db)
            return record
        }
    }

    /// Number of runs in `state`.
    public func count(in state: RunState) throws(DaemonError) -> Int {
        try read { db in try RunRecord.filter(RunRecord.RunColumns.state == state.rawValue).fetchCount(db) }
    }
}

extension RunStore {
    /// Queues a run moved here from another state directory under its own id `id`, with the
    /// environment steps its newest checkpoint holds. Refused when the id is taken here.
    @discardableResult
    public func submitImported(_ submission: RunSubmission, id: String, envSteps: Int64,
                               at now: Date = Date()) throws(DaemonError) -> RunRecord {
        try submission.validate()
        guard RunIDGenerator.isWellFormed(id) else {
            throw .invalidField(field: "run id", value: "'\(id)'", allowed: "an id like r-20261125-k3x9qa")
        }
        return try write { db in
            guard try !RunRecord.exists(db, key: id) else {
                throw DaemonError.invalidField(field: "run id", value: id,
                                               allowed: "an id not yet in this state directory; this one is (`dratsd show \(id)`)")
            }
            let record = RunRecord.queued(id: id, submission, envSteps: envSteps, at: now)
            try record.insert(db)
            return record
        }
    }
}
