import Daemon
import Foundation
import Testing
import TestScratch

/// Many threads and many processes on one database: every submit lands with its own id and no
/// run is ever claimed twice.
@Suite struct RunStoreConcurrencyTests {
    @Test func submitsFromManyThreadsAndConnections() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let shared = try RunStore(databasePath: temp.databasePath)
        let threads = 8, perThread = 25
        let ids = LockedList()
        let failures = LockedList()
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            do {
                // Half the threads share one store, half open their own (separate SQLite connections).
                let store = thread.isMultiple(of: 2) ? shared : try RunStore(databasePath: temp.databasePath)
                for index in 0..<perThread {
                    ids.append(try store.submit(sampleSubmission("t\(thread)-\(index)")).id)
                }
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.values.isEmpty)
        #expect(ids.values.count == threads * perThread)
        #expect(Set(ids.values).count == threads * perThread)
        #expect(Set(try shared.list().map(\.id)) == Set(ids.values))
    }

    @Test func submitsFromSeparateProcesses() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        _ = try RunStore(databasePath: temp.databasePath)
        let workers = try (0..<4).map { try Worker.start(["submit", temp.databasePath, "25", "p\($0)"]) }
        var ids: [String] = []
        for (process, output) in workers {
            while let line = output.nextLine() { ids.append(line) }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(ids.count == 100)
        #expect(Set(ids).count == 100)
        let stored = try RunStore(databasePath: temp.databasePath).list()
        #expect(Set(stored.map(\.id)) == Set(ids))
        #expect(Set(stored.map(\.name)).count == 100)
    }

    /// The first CLI call and the first service start may create the database at the same time.
    @Test func processesCreatingTheDatabaseAtOnce() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let workers = try (0..<4).map { try Worker.start(["submit", temp.databasePath, "5", "fresh\($0)"]) }
        var ids: [String] = []
        for (process, output) in workers {
            while let line = output.nextLine() { ids.append(line) }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(Set(ids).count == 20)
        let store = try RunStore(databasePath: temp.databasePath)
        #expect(try store.list().count == 20)
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test func processesAndThreadsClaimingAtOnceNeverShareARun() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let submitted = try (0..<60).map { try store.submit(sampleSubmission("c\($0)")).id }
        let workers = try (0..<3).map { _ in try Worker.start(["claim", temp.databasePath, "1000"]) }
        let claimedHere = LockedList()
        DispatchQueue.concurrentPerform(iterations: 3) { thread in
            let me = owner("thread-\(thread)")
            while let run = try? store.claimNext(owner: me, maxConcurrent: 1000) { claimedHere.append(run.id) }
        }
        var claimed = claimedHere.values
        for (process, output) in workers {
            while let line = output.nextLine() { claimed.append(line) }
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        #expect(claimed.count == submitted.count, "every run claimed exactly once")
        #expect(Set(claimed) == Set(submitted))
        #expect(try store.list().allSatisfy { $0.state == .running && $0.attemptCount == 1 })
    }

    @Test func theConcurrencyLimitHoldsAcrossProcesses() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        for index in 0..<20 { try store.submit(sampleSubmission("l\(index)")) }
        let results = try (0..<4).map { _ in try Worker.start(["claim", temp.databasePath, "5"]) }
        var claimed: [String] = []
        for (process, output) in results {
            while let line = output.nextLine() { claimed.append(line) }
            process.waitUntilExit()
        }
        #expect(claimed.count == 5)
        #expect(try store.count(in: .running) == 5)
        #expect(try store.count(in: .queued) == 15)
    }
}

/// A list several threads append to.
final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func append(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
