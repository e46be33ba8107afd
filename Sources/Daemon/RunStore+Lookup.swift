import Foundation
import GRDB

extension RunStore {
    /// The run with exactly this id.
    public func run(id: String) throws(DaemonError) -> RunRecord {
        try read { db in try Self.fetchExisting(db, id) }
    }

    /// The run whose id is `query` or the only one starting with `query` (what the CLI accepts).
    public func lookup(_ query: String) throws(DaemonError) -> RunRecord {
        guard !query.isEmpty else { throw .unknownRun(query: query) }
        return try read { db in
            if let exact = try RunRecord.fetchOne(db, key: query) { return exact }
            // substr instead of LIKE: ids are compared byte for byte, with no wildcard escaping.
            let matches = try RunRecord
                .filter(sql: "substr(id, 1, length(?)) = ?", arguments: [query, query])
                .order(RunRecord.RunColumns.id)
                .limit(11)
                .fetchAll(db)
            switch matches.count {
            case 0: throw DaemonError.unknownRun(query: query)
            case 1: return matches[0]
            default: throw DaemonError.ambiguousRunPrefix(prefix: query, matches: matches.map(\.id))
            }
        }
    }

    /// Every run, oldest first, optionally only those in `states`.
    public func list(states: Set<RunState>? = nil) throws(DaemonError) -> [RunRecord] {
        try read { db in
            var request = RunRecord.order(RunRecord.RunColumns.createdAt, RunRecord.RunColumns.id)
            if let states {
                request = request.filter(states.map(\.rawValue).contains(RunRecord.RunColumns.state))
            }
            return try request.fetchAll(db)
        }
    }
}
