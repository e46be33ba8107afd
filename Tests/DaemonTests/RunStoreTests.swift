import Daemon
import Foundation
import Testing
import TestScratch

@Suite struct RunStoreTests {
    @Test func submitStoresEverythingAndRoundTrips() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let submittedAt = Date(timeIntervalSince1970: 1_795_600_000.25)
        let submission = RunSubmission(name: "mt10 drats", configText: "name: mt10 drats\nseed: 18446744073709551615\n",
                                       samplerName: "drats", seed: .max, totalEnvSteps: 20_000_000)
        let record = try store.submit(submission, at: submittedAt)
        #expect(record.state == .queued)
        #expect(RunIDGenerator.isWellFormed(record.id))
        #expect(record.configSHA256 == SHA256.hexDigest(of: submission.configText))
        let fetched = try store.run(id: record.id)
        #expect(fetched == record)
        #expect(fetched.seed == .max)
        #expect(fetched.createdAt == submittedAt)
        #expect(fetched.owner == nil && fetched.attemptCount == 0 && !fetched.cancelRequested)
        // A second store on the same file (another process's view) sees it too.
        #expect(try RunStore(databasePath: temp.databasePath).run(id: record.id) == record)
    }

    @Test func invalidSubmissionsAreRefusedWithTheField() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        #expect(throws: DaemonError.invalidField(field: "totalEnvSteps", value: "0", allowed: "an integer > 0")) {
            try store.submit(sampleSubmission(totalEnvSteps: 0))
        }
        #expect(throws: DaemonError.self) { try store.submit(sampleSubmission("")) }
        #expect(throws: DaemonError.self) { try store.submit(sampleSubmission("two\nlines")) }
        #expect(try store.list().isEmpty)
    }

    @Test func clashingIDsAreRedrawnInsideTheTransaction() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        // Two stores with the same seed draw the same id sequence.
        let a = try RunStore(databasePath: temp.databasePath, idGenerator: RunIDGenerator(seed: 9))
        let b = try RunStore(databasePath: temp.databasePath, idGenerator: RunIDGenerator(seed: 9))
        let date = Date(timeIntervalSince1970: 1_795_600_000)
        let first = try a.submit(sampleSubmission("a"), at: date)
        let second = try b.submit(sampleSubmission("b"), at: date)
        #expect(first.id != second.id)
        var reference = RunIDGenerator(seed: 9)
        #expect(first.id == reference.next(at: date))
        #expect(second.id == reference.next(at: date))
    }

    @Test func lookupByIDOrUniquePrefix() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath, idGenerator: RunIDGenerator(seed: 5))
        let date = Date(timeIntervalSince1970: 1_795_600_000)
        let runs = try (0..<3).map { try store.submit(sampleSubmission("run\($0)"), at: date) }
        for run in runs {
            #expect(try store.lookup(run.id) == run)
            #expect(try store.lookup(String(run.id.dropLast(2))).id == run.id)
        }
        do {
            _ = try store.lookup("r-20261125-")
            Issue.record("expected an ambiguity error")
        } catch {
            #expect(error == .ambiguousRunPrefix(prefix: "r-20261125-", matches: runs.map(\.id).sorted()))
        }
        for query in ["r-19990101-zzzzzz", "", "%", "r-2026112_"] {
            do {
                _ = try store.lookup(query)
                Issue.record("expected unknown run for '\(query)'")
            } catch {
                #expect(error == .unknownRun(query: query))
                #expect(error.description.contains("dratsd list"))
            }
        }
    }

    @Test func listIsOldestFirstAndFiltersByState() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let early = try store.submit(sampleSubmission("early"), at: Date(timeIntervalSince1970: 100))
        let late = try store.submit(sampleSubmission("late"), at: Date(timeIntervalSince1970: 200))
        let middle = try store.submit(sampleSubmission("middle"), at: Date(timeIntervalSince1970: 150))
        #expect(try store.list().map(\.id) == [early.id, middle.id, late.id])
        _ = try store.cancel(middle.id)
        #expect(try store.list(states: [.queued]).map(\.id) == [early.id, late.id])
        #expect(try store.list(states: [.cancelled]).map(\.id) == [middle.id])
        #expect(try store.list(states: []).isEmpty)
    }

    @Test func claimTakesTheOldestQueuedRunUpToTheLimit() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let service = owner("service-a")
        #expect(try store.claimNext(owner: service, maxConcurrent: 2) == nil)
        let runs = try (0..<3).map { try store.submit(sampleSubmission("r\($0)"), at: Date(timeIntervalSince1970: Double(10 - $0))) }
        let now = Date(timeIntervalSince1970: 50)
        let first = try #require(try store.claimNext(owner: service, maxConcurrent: 2, at: now))
        #expect(first.id == runs[2].id)
        #expect(first.state == .running && first.owner == service && first.attemptCount == 1)
        #expect(first.startedAt == now && first.ownerHeartbeatAt == now)
        #expect(try store.claimNext(owner: service, maxConcurrent: 2)?.id == runs[1].id)
        #expect(try store.claimNext(owner: service, maxConcurrent: 2) == nil)
        #expect(try store.claimNext(owner: owner("service-b"), maxConcurrent: 3)?.id == runs[0].id)
        #expect(try store.count(in: .running) == 3)
        #expect(throws: DaemonError.self) { try store.claimNext(owner: service, maxConcurrent: 0) }
    }

    @Test func progressFaultsAndLeases() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let run = try store.submit(sampleSubmission())
        let service = owner("service-a")
        _ = try store.claimNext(owner: service, maxConcurrent: 1)
        let later = Date(timeIntervalSince1970: 2_000_000_000)
        let ack = try store.recordProgress(run.id, owner: service, envSteps: 500, stepsPerSecond: 1234.5,
                                           checkpointPath: "/x/checkpoints/000500.safetensors", at: later)
        #expect(!ack.cancelRequested)
        var record = try store.run(id: run.id)
        #expect(record.envSteps == 500 && record.stepsPerSecond == 1234.5 && record.ownerHeartbeatAt == later)
        #expect(record.lastCheckpointPath == "/x/checkpoints/000500.safetensors")
        // Without a checkpoint the last one is kept.
        _ = try store.recordProgress(run.id, owner: service, envSteps: 600, stepsPerSecond: 0)
        #expect(try store.run(id: run.id).lastCheckpointPath == "/x/checkpoints/000500.safetensors")

        for bad in [Double.nan, .infinity, -1] {
            #expect(throws: DaemonError.self) { try store.recordProgress(run.id, owner: service, envSteps: 1, stepsPerSecond: bad) }
        }
        #expect(throws: DaemonError.self) { try store.recordProgress(run.id, owner: service, envSteps: -1, stepsPerSecond: 1) }
        #expect(throws: DaemonError.leaseLost(runID: run.id, state: .running)) {
            try store.recordProgress(run.id, owner: owner("intruder"), envSteps: 1, stepsPerSecond: 1)
        }
        #expect(try store.recordFault(run.id, owner: service, reason: "NaN in policy loss") == 1)
        #expect(try store.recordFault(run.id, owner: service, reason: "NaN in value loss") == 2)
        record = try store.run(id: run.id)
        #expect(record.faultCount == 2 && record.failureReason == "NaN in value loss")
        #expect(try store.heartbeat(owner: service, at: later.addingTimeInterval(5)) == 1)
        #expect(try store.run(id: run.id).ownerHeartbeatAt == later.addingTimeInterval(5))
        #expect(try store.heartbeat(owner: owner("nobody")) == 0)
        #expect(throws: DaemonError.unknownRun(query: "r-20000101-000000")) {
            try store.recordProgress("r-20000101-000000", owner: service, envSteps: 1, stepsPerSecond: 1)
        }
    }
}

@Suite struct RunRecordJSONTests {
    @Test func recordsRoundTripThroughJSON() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let run = try store.submit(sampleSubmission(), at: Date(timeIntervalSince1970: 1_795_600_000))
        let running = try #require(try store.claimNext(owner: owner("svc"), maxConcurrent: 1, at: Date(timeIntervalSince1970: 1_795_600_010)))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(running), as: UTF8.self)
        #expect(json.contains(#""id":"\#(run.id)""#))
        #expect(json.contains(#""state":"running""#))
        #expect(json.contains(#""createdAt":"2026-11-25T09:46:40Z""#))
        #expect(json.contains(#""leaseToken":"svc""#))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(RunRecord.self, from: Data(json.utf8)) == running)
        // The database mapping is still the explicit one (seed as a bit pattern), not Codable's.
        #expect(try store.run(id: run.id) == running)
    }
}
