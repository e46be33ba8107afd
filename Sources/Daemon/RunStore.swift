import Foundation
import GRDB

/// The run registry and queue: one SQLite database in WAL mode shared by the CLI and the
/// service. Every change is one IMMEDIATE write transaction, so concurrent processes serialise on
/// SQLite's write lock (waiting up to the busy timeout) and never act on a stale read.
public final class RunStore: Sendable {
    /// Path of the SQLite file.
    public let databasePath: String
    let pool: DatabasePool
    private let idGenerator: LockedGenerator

    /// Opens (creating and migrating if needed) the database at `databasePath`.
    ///
    /// - Parameters:
    ///   - busyTimeoutSeconds: how long a write waits for another process's transaction.
    ///   - idGenerator: the run id source; the default is seeded from the clock and pid.
    public init(databasePath: String, busyTimeoutSeconds: Double = 30, idGenerator: RunIDGenerator = RunIDGenerator()) throws(DaemonError) {
        self.databasePath = databasePath
        self.idGenerator = LockedGenerator(idGenerator)
        var configuration = Configuration()
        configuration.label = "dratsd.runs"
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.prepareDatabase { db in
            // FULL makes each commit durable across power loss, not only across process crashes.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            pool = try Self.openPool(path: databasePath, configuration: configuration, busyTimeoutSeconds: busyTimeoutSeconds)
            let migrator = Self.migrator
            // Checked with a read so that opening (e.g. for `dratsd list`) never waits for
            // another process's write; only a database that needs migrating takes the write lock.
            let (superseded, upToDate) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded {
                throw DaemonError.database(path: databasePath,
                                           message: "it was written by a newer dratsd (unknown schema migrations); upgrade dratsd")
            }
            if !upToDate {
                do {
                    try migrator.migrate(pool)
                } catch {
                    // GRDB reads the applied migrations before its write transaction, so two
                    // processes opening a new database at once can both try the first migration;
                    // the loser's transaction rolls back ("table run already exists") after the
                    // winner committed. That is success if the schema is now complete.
                    guard try pool.read({ db in try migrator.hasCompletedMigrations(db) }) else { throw error }
                }
                // The reader that checked the migrations cached the old schema; a statement it
                // prepares from that cache is silently re-prepared by SQLite with the new columns
                // while GRDB keeps the old column list ("column not found"). Fresh readers.
                pool.invalidateReadOnlyConnections()
            }
        } catch let error as DaemonError {
            throw error
        } catch {
            throw .database(path: databasePath, message: String(describing: error))
        }
    }

    /// Opens the pool, retrying while another process holds the lock it needs. Switching a new
    /// file to WAL mode takes an exclusive lock, and SQLite answers "database is locked" at once
    /// (not after the busy timeout) when several processes create the database together.
    static func openPool(path: String, configuration: Configuration, busyTimeoutSeconds: Double) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeoutSeconds)
        var delayMicroseconds: UInt32 = 1_000
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(delayMicroseconds)
                delayMicroseconds = min(delayMicroseconds * 2, 100_000)
            }
        }
    }

    /// Opens `<state>/dratsd.sqlite`.
    public convenience init(stateDirectory: StateDirectory, busyTimeoutSeconds: Double = 30) throws(DaemonError) {
        try self.init(databasePath: stateDirectory.databaseURL.path, busyTimeoutSeconds: busyTimeoutSeconds)
    }

    /// Versioned schema. Never edit a registered migration: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 run table") { db in
            let states = RunState.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            try db.execute(sql: """
                CREATE TABLE run (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    configText TEXT NOT NULL,
                    configSHA256 TEXT NOT NULL,
                    samplerName TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN (\(states))),
                    createdAt REAL NOT NULL,
                    startedAt REAL,
                    updatedAt REAL NOT NULL,
                    finishedAt REAL,
                    envSteps INTEGER NOT NULL DEFAULT 0 CHECK (envSteps >= 0),
                    totalEnvSteps INTEGER NOT NULL CHECK (totalEnvSteps > 0),
                    stepsPerSecond REAL NOT NULL DEFAULT 0,
                    lastCheckpointPath TEXT,
                    failureReason TEXT,
                    faultCount INTEGER NOT NULL DEFAULT 0,
                    attemptCount INTEGER NOT NULL DEFAULT 0,
                    cancelRequested INTEGER NOT NULL DEFAULT 0,
                    ownerPID INTEGER,
                    ownerBootID TEXT,
                    ownerLeaseToken TEXT,
                    ownerHeartbeatAt REAL
                );
                CREATE INDEX run_by_state_and_age ON run(state, createdAt, id);
                """)
        }
        migrator.registerMigration("v2 lost attempts") { db in
            try db.execute(sql: "ALTER TABLE run ADD COLUMN lostAttempts INTEGER NOT NULL DEFAULT 0 CHECK (lostAttempts >= 0)")
        }
        migrator.registerMigration("v3 sweeps") { db in
            try db.execute(sql: """
                CREATE TABLE sweep (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    configPath TEXT NOT NULL,
                    axesText TEXT NOT NULL,
                    runCount INTEGER NOT NULL CHECK (runCount > 0),
                    createdAt REAL NOT NULL
                );
                ALTER TABLE run ADD COLUMN sweepID TEXT REFERENCES sweep(id);
                CREATE INDEX run_by_sweep ON run(sweepID, createdAt, id);
                """)
        }
        return migrator
    }

    /// Runs `updates` in one IMMEDIATE transaction, mapping SQLite failures to `DaemonError`
    /// (a full disk or quota to `diskFull`: the transaction rolled back, nothing changed).
    func write<T>(_ updates: (Database) throws -> T) throws(DaemonError) -> T {
        do {
            return try pool.write(updates)
        } catch {
            throw mapped(error)
        }
    }

    /// Runs `reads` on a snapshot of the database.
    func read<T>(_ reads: (Database) throws -> T) throws(DaemonError) -> T {
        do {
            return try pool.read(reads)
        } catch {
            throw mapped(error)
        }
    }

    private func mapped(_ error: any Error) -> DaemonError {
        if let error = error as? DaemonError { return error }
        // SQLITE_FULL is SQLite's "database or disk is full": the write (its journal or WAL
        // growing) hit ENOSPC or EDQUOT.
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_FULL { return .diskFull(path: databasePath) }
        return .database(path: databasePath, message: String(describing: error))
    }

    func nextRunID(at date: Date) -> String { idGenerator.next(at: date, kind: .run) }

    func nextSweepID(at date: Date) -> String { idGenerator.next(at: date, kind: .sweep) }
}

/// The id generator shared by the threads using one store.
private final class LockedGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var generator: RunIDGenerator

    init(_ generator: RunIDGenerator) { self.generator = generator }

    func next(at date: Date, kind: RunIDGenerator.Kind) -> String {
        lock.lock()
        defer { lock.unlock() }
        return generator.next(at: date, kind: kind)
    }
}

extension RunStore {
    /// SQLite's `integrity_check` findings; empty when the database is sound. The service runs
    /// it at start so a damaged registry is reported instead of half-used.
    public func integrityProblems() throws(DaemonError) -> [String] {
        let findings = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        return findings == ["ok"] ? [] : findings
    }
}
