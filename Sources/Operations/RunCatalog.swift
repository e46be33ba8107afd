import Daemon
import Foundation

/// Every run a state directory knows: those in its SQLite registry (submitted for `dratsd
/// serve`, or trained by `dratsd train`) and those of its Slurm sweeps (their folders' status
/// files). `list`, `show`, `logs`, `cancel` and `report` look runs up here.
///
/// The registry is opened only when its file exists, so a state directory used only by Slurm
/// sweeps, on a filesystem the nodes share, never gets an SQLite database.
public struct RunCatalog: Sendable {
    public let stateDirectory: StateDirectory
    /// The registry; nil when the state directory has none.
    public let store: RunStore?

    public init(stateDirectory: StateDirectory) throws(DaemonError) {
        self.stateDirectory = stateDirectory
        store = FileManager.default.fileExists(atPath: stateDirectory.databaseURL.path) ? try RunStore(stateDirectory: stateDirectory) : nil
    }

    /// A run found by id or unique prefix.
    public enum Found: Sendable {
        case stored(RunRecord)
        case slurm(SlurmRun)

        public var record: RunRecord {
            switch self {
            case let .stored(record): record
            case let .slurm(run): run.record
            }
        }
    }

    /// The run whose id is `query` or the only one (in the registry and the Slurm sweeps
    /// together) starting with it.
    public func lookup(_ query: String) throws(DaemonError) -> Found {
        let slurm = try SlurmRuns.run(query, in: stateDirectory)
        let stored = try store.flatMap { store throws(DaemonError) in try Self.lookupIfKnown(query, in: store) }
        switch (stored, slurm) {
        case let (record?, nil): return .stored(record)
        case let (nil, run?): return .slurm(run)
        case let (record?, run?):
            if record.id == query { return .stored(record) }
            if run.record.id == query { return .slurm(run) }
            throw .ambiguousRunPrefix(prefix: query, matches: [record.id, run.record.id].sorted())
        case (nil, nil): throw .unknownRun(query: query)
        }
    }

    private static func lookupIfKnown(_ query: String, in store: RunStore) throws(DaemonError) -> RunRecord? {
        do {
            return try store.lookup(query)
        } catch {
            if case .unknownRun = error { return nil }
            throw error
        }
    }

    /// Every run, oldest first, with the Slurm runs' notes (their tasks' states) by id.
    public func list() throws(DaemonError) -> (records: [RunRecord], notes: [String: String]) {
        let slurm = SlurmRuns.all(in: stateDirectory)
        let records = (try store?.list() ?? []) + slurm.map(\.record)
        return (records.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) },
                Dictionary(slurm.map { ($0.record.id, $0.note) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The runs of the sweep whose id is `query` (or a unique prefix), local or Slurm, in its order.
    public func sweepRuns(_ query: String) throws(DaemonError) -> (records: [RunRecord], notes: [String: String]) {
        if let manifest = try SlurmRuns.sweep(query, in: stateDirectory) {
            let runs = SlurmRuns.runs(of: manifest, in: stateDirectory)
            return (runs.map(\.record), Dictionary(runs.map { ($0.record.id, $0.note) }, uniquingKeysWith: { first, _ in first }))
        }
        guard let store else { throw .unknownSweep(query: query) }
        return (try store.runs(inSweep: try store.sweep(query).id), [:])
    }

    /// Every sweep, local and Slurm, oldest first; a Slurm sweep's name says so.
    public func sweeps() throws(DaemonError) -> [SweepRecord] {
        let slurm = SlurmSweepFolder.all(in: stateDirectory).map { manifest in
            var sweep = manifest.sweep
            sweep.name += " (slurm array \(manifest.arrayJobID ?? "not submitted"))"
            return sweep
        }
        return ((try store?.sweeps() ?? []) + slurm).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
}
