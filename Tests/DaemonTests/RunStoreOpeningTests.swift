import Daemon
import Foundation
import GRDB
import Testing
import TestScratch

/// Opening the registry: WAL mode, and clear errors for files dratsd cannot use.
@Suite struct RunStoreOpeningTests {
    @Test func theDatabaseIsInWALModeWithFullSync() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        _ = try RunStore(databasePath: temp.databasePath).submit(sampleSubmission())
        let queue = try DatabaseQueue(path: temp.databasePath)
        #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM grdb_migrations") } == 3)
    }

    @Test func aFileThatIsNotADatabaseIsAClearError() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        try Data(String(repeating: "not sqlite ", count: 200).utf8).write(to: URL(fileURLWithPath: temp.databasePath))
        do {
            _ = try RunStore(databasePath: temp.databasePath)
            Issue.record("expected an error")
        } catch {
            guard case .database(let path, _) = error else { Issue.record("unexpected \(error)"); return }
            #expect(path == temp.databasePath)
            #expect(error.description.contains("SQLite database written by dratsd"))
        }
    }

    /// A state directory written before lost attempts were counted opens with every run kept
    /// and the new count at 0.
    @Test func aVersion1DatabaseIsMigratedKeepingItsRuns() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let run = try store.submit(sampleSubmission("old"))
        #expect(try store.claimNext(owner: owner("old-service"), maxConcurrent: 1)?.id == run.id)
        try DatabaseQueue(path: temp.databasePath).write { db in
            try db.execute(sql: "ALTER TABLE run DROP COLUMN lostAttempts")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v2 lost attempts'")
        }
        let reopened = try RunStore(databasePath: temp.databasePath)
        let migrated = try #require(try reopened.list().first)
        #expect(migrated.id == run.id && migrated.state == .running && migrated.attemptCount == 1 && migrated.lostAttempts == 0)
        #expect(try DatabaseQueue(path: temp.databasePath).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM grdb_migrations") } == 3)
    }

    /// A state directory written before sweeps existed opens with every run kept, none in a sweep.
    @Test func aVersion2DatabaseIsMigratedKeepingItsRuns() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let run = try store.run(id: try store.submit(sampleSubmission("before sweeps")).id)
        try DatabaseQueue(path: temp.databasePath).write { db in
            try db.execute(sql: "DROP INDEX run_by_sweep")
            try db.execute(sql: "ALTER TABLE run DROP COLUMN sweepID")
            try db.execute(sql: "DROP TABLE sweep")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3 sweeps'")
        }
        let reopened = try RunStore(databasePath: temp.databasePath)
        #expect(try reopened.list() == [run])
        #expect(run.sweepID == nil)
        #expect(try reopened.sweeps().isEmpty)
    }

    @Test func aDatabaseFromANewerDratsdIsRefused() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let run = try RunStore(databasePath: temp.databasePath).submit(sampleSubmission())
        try DatabaseQueue(path: temp.databasePath).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99 from the future')")
        }
        do {
            _ = try RunStore(databasePath: temp.databasePath)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("newer dratsd"))
        }
        // Nothing was changed by the refused open.
        let rows = try DatabaseQueue(path: temp.databasePath).read { try String.fetchAll($0, sql: "SELECT id FROM run") }
        #expect(rows == [run.id])
    }

    @Test func aDirectoryThatCannotHoldTheDatabaseIsAClearError() {
        let path = "/proc/self/dratsd.sqlite"
        #expect(throws: DaemonError.self) { try RunStore(databasePath: path) }
    }
}
