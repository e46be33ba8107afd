import Daemon
import Foundation
import GRDB
import Testing
import TestScratch

/// Sweeps in the registry: all runs and the sweep in one transaction, listed in queue order.
@Suite struct RunStoreSweepTests {
    @Test func aSweepQueuesItsRunsInOrderUnderOneID() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let now = Date(timeIntervalSince1970: 1_795_600_000)
        let alone = try store.submit(sampleSubmission("alone"), at: now.addingTimeInterval(-1))
        let (sweep, runs) = try store.submitSweep(name: "lr sweep", configPath: "configs/x.yaml", axesText: "run.seed=1..3",
                                                  runs: ["a", "b", "c"].map { sampleSubmission($0) }, at: now)
        #expect(RunIDGenerator.isWellFormed(sweep.id, kind: .sweep))
        #expect(sweep.id.hasPrefix("s-20261125-"))
        #expect(sweep.runCount == 3 && sweep.name == "lr sweep" && sweep.axesText == "run.seed=1..3")
        #expect(runs.map(\.name) == ["a", "b", "c"])
        #expect(runs.allSatisfy { $0.sweepID == sweep.id && $0.state == .queued })
        #expect(try store.runs(inSweep: sweep.id) == runs)
        #expect(try store.run(id: alone.id).sweepID == nil)
        #expect(try store.sweep(String(sweep.id.prefix(13))) == sweep)
        #expect(try store.sweeps() == [sweep])
        // The service takes them in the sweep's order, after the run queued before.
        var claimed: [String] = []
        while let next = try store.claimNext(owner: owner("svc"), maxConcurrent: 10) { claimed.append(next.name) }
        #expect(claimed == ["alone", "a", "b", "c"])
    }

    /// One bad run refuses the whole sweep: nothing is queued.
    @Test func aSweepIsAllOrNothing() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        #expect(throws: DaemonError.self) {
            try store.submitSweep(name: "s", configPath: "x.yaml", axesText: "k=1,2", runs: [sampleSubmission("ok"), sampleSubmission(totalEnvSteps: 0)])
        }
        #expect(throws: DaemonError.self) { try store.submitSweep(name: "s", configPath: "x.yaml", axesText: "", runs: []) }
        #expect(throws: DaemonError.self) { try store.submitSweep(name: "two\nlines", configPath: "x.yaml", axesText: "", runs: [sampleSubmission()]) }
        // A failure inside the transaction (the run table refusing a row) rolls the sweep back too.
        try DatabaseQueue(path: temp.databasePath).write { db in
            try db.execute(sql: "CREATE TRIGGER refuse_third BEFORE INSERT ON run WHEN (SELECT COUNT(*) FROM run) >= 2 BEGIN SELECT RAISE(ABORT, 'full'); END")
        }
        #expect(throws: DaemonError.self) {
            try store.submitSweep(name: "s", configPath: "x.yaml", axesText: "k=1,2,3", runs: ["a", "b", "c"].map { sampleSubmission($0) })
        }
        #expect(try store.list().isEmpty)
        #expect(try store.sweeps().isEmpty)
    }

    @Test func unknownAndAmbiguousSweepsAreClearErrors() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath, idGenerator: RunIDGenerator(seed: 5))
        #expect(throws: DaemonError.unknownSweep(query: "s-2026")) { try store.sweep("s-2026") }
        #expect(throws: DaemonError.unknownSweep(query: "")) { try store.sweep("") }
        let first = try store.submitSweep(name: "a", configPath: "x.yaml", axesText: "k=1", runs: [sampleSubmission()]).sweep
        let second = try store.submitSweep(name: "b", configPath: "x.yaml", axesText: "k=1", runs: [sampleSubmission()]).sweep
        #expect(throws: DaemonError.ambiguousRunPrefix(prefix: "s-", matches: [first.id, second.id].sorted())) { try store.sweep("s-") }
        #expect(DaemonError.ambiguousRunPrefix(prefix: "s-", matches: [first.id, second.id]).description.contains("2 sweeps"))
        // A run id is not a sweep id.
        let run = try store.runs(inSweep: first.id)[0]
        #expect(throws: DaemonError.unknownSweep(query: run.id)) { try store.sweep(run.id) }
    }
}
