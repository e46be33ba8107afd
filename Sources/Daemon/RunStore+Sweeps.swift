import Foundation
import GRDB

extension RunStore {
    /// Queues every run of a sweep and the sweep itself in one transaction: either all of them
    /// are queued, in the order given, or (on any error, a full disk included) none is.
    /// Returns the sweep and its runs.
    @discardableResult
    public func submitSweep(name: String, configPath: String, axesText: String, runs: [RunSubmission],
                            at now: Date = Date()) throws(DaemonError) -> (sweep: SweepRecord, runs: [RunRecord]) {
        guard !runs.isEmpty else { throw .invalidField(field: "sweep runs", value: "none", allowed: "at least one run") }
        if name.isEmpty || name.contains(where: \.isNewline) {
            throw .invalidField(field: "sweep name", value: "'\(name)'", allowed: "a non-empty single line")
        }
        for run in runs { try run.validate() }
        return try write { db in
            var id = nextSweepID(at: now)
            var draws = 1
            while try SweepRecord.exists(db, key: id) {
                guard draws < 1000 else { throw DaemonError.database(path: databasePath, message: "no free sweep id after \(draws) draws") }
                id = nextSweepID(at: now)
                draws += 1
            }
            let sweep = SweepRecord(id: id, name: name, configPath: configPath, axesText: axesText, runCount: runs.count, createdAt: now)
            try sweep.insert(db)
            // Each run a microsecond later than the one before, so the queue (ordered by
            // submission time, then id) trains them in the order the sweep lists them.
            let records = try runs.enumerated().map { index, run in
                var run = run
                run.sweepID = id
                let inserted = try insertQueued(db, run, at: now.addingTimeInterval(Double(index) * 1e-6))
                // Read back: the offset time as SQLite stores it (a REAL of Unix seconds) is what
                // every later read returns.
                return try Self.fetchExisting(db, inserted.id)
            }
            return (sweep, records)
        }
    }

    /// The sweep whose id is `query` or the only one starting with `query`.
    public func sweep(_ query: String) throws(DaemonError) -> SweepRecord {
        guard !query.isEmpty else { throw .unknownSweep(query: query) }
        return try read { db in
            if let exact = try SweepRecord.fetchOne(db, key: query) { return exact }
            let matches = try SweepRecord.filter(sql: "substr(id, 1, length(?)) = ?", arguments: [query, query])
                .order(Column("id")).limit(11).fetchAll(db)
            switch matches.count {
            case 0: throw DaemonError.unknownSweep(query: query)
            case 1: return matches[0]
            default: throw DaemonError.ambiguousRunPrefix(prefix: query, matches: matches.map(\.id))
            }
        }
    }

    /// Every sweep, oldest first.
    public func sweeps() throws(DaemonError) -> [SweepRecord] {
        try read { db in try SweepRecord.order(Column("createdAt"), Column("id")).fetchAll(db) }
    }

    /// The runs of sweep `id`, in the order they were queued.
    public func runs(inSweep id: String) throws(DaemonError) -> [RunRecord] {
        try read { db in
            try RunRecord.filter(RunRecord.RunColumns.sweepID == id)
                .order(RunRecord.RunColumns.createdAt, RunRecord.RunColumns.id).fetchAll(db)
        }
    }
}
