import Daemon
import Foundation
import Testing
import TestScratch

/// What a service finds after a crash: orphaned runs, and a database whose writer died.
@Suite struct RunStoreRecoveryTests {
    /// The pid of a process that existed and is now gone.
    private func deadPID() throws -> Int32 {
        let (process, output) = try Worker.start(["sleep"])
        defer { killHard(process) }
        let pid = try #require(Int32(output.nextLine() ?? ""))
        killHard(process)
        return pid
    }

    @Test func runsOfAKilledServiceAreRequeuedAndOthersKept() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let now = Date()
        let (alive, aliveOutput) = try Worker.start(["sleep"])
        defer { killHard(alive) }
        let alivePID = try #require(Int32(aliveOutput.nextLine() ?? ""))
        let me = owner("me")
        let owners: [(String, RunOwner, Bool)] = [
            ("killed service", RunOwner(pid: try deadPID(), bootID: RunOwner.currentBootID(), leaseToken: "dead"), true),
            ("earlier boot", RunOwner(pid: alivePID, bootID: "another-boot", leaseToken: "reboot"), true),
            ("earlier incarnation of this pid", RunOwner(pid: getpid(), bootID: RunOwner.currentBootID(), leaseToken: "old-me"), true),
            ("live service", RunOwner(pid: alivePID, bootID: RunOwner.currentBootID(), leaseToken: "alive"), false),
            ("this service", me, false),
        ]
        var expected: [String: Bool] = [:]
        for (index, (name, holder, orphaned)) in owners.enumerated() {
            let run = try store.submit(sampleSubmission(name), at: now.addingTimeInterval(Double(index)))
            #expect(try store.claimNext(owner: holder, maxConcurrent: 100, at: now)?.id == run.id)
            expected[run.id] = orphaned
        }
        let recovered = try store.recoverOrphans(current: me, leaseTimeoutSeconds: 60, at: now.addingTimeInterval(1))
        #expect(Set(recovered.map(\.id)) == Set(expected.filter(\.value).keys))
        for run in try store.list() {
            #expect(run.state == (expected[run.id]! ? .queued : .running), "\(run.name)")
        }
        #expect(recovered.allSatisfy { $0.owner == nil && $0.attemptCount == 1 && $0.finishedAt == nil })

        // The live service's lease goes stale after the timeout (its pid could have been reused).
        let stale = try store.recoverOrphans(current: me, leaseTimeoutSeconds: 60, at: now.addingTimeInterval(61))
        #expect(stale.map(\.name) == ["live service"])
        #expect(try store.list(states: [.running]).map(\.name) == ["this service"])

        // A recovered run is claimed again as a further attempt.
        let again = try #require(try store.claimNext(owner: me, maxConcurrent: 100))
        #expect(again.attemptCount == 2)
        #expect(throws: DaemonError.self) { try store.recoverOrphans(current: me, leaseTimeoutSeconds: .nan) }
    }

    /// A run whose service keeps dying before it writes a checkpoint is failed after the limit,
    /// not requeued forever; a checkpoint in between, or a user resume, starts the count again.
    @Test func aRunThatKeepsLosingItsServiceIsFailedNotRequeuedForever() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let run = try store.submit(sampleSubmission("crashy"))
        var clock = Date()
        /// One service incarnation claims the run and dies (its lease goes stale).
        func loseAttempt(checkpoint: String? = nil) throws -> RunRecord {
            let holder = owner("service-\(clock.timeIntervalSince1970)")
            #expect(try store.claimNext(owner: holder, maxConcurrent: 1, at: clock)?.id == run.id)
            if let checkpoint {
                _ = try store.recordProgress(run.id, owner: holder, envSteps: 10, stepsPerSecond: 1, checkpointPath: checkpoint, at: clock)
            }
            clock.addTimeInterval(100)
            let recovered = try store.recoverOrphans(current: owner("next"), leaseTimeoutSeconds: 60, lostAttemptLimit: 3, at: clock)
            return try #require(recovered.first { $0.id == run.id })
        }
        #expect(try loseAttempt().state == .queued)
        #expect(try loseAttempt().lostAttempts == 2)
        // A checkpoint during the third attempt: progress, so the count restarts from there.
        let progressed = try loseAttempt(checkpoint: "/tmp/step-10.safetensors")
        #expect(progressed.state == .queued && progressed.lostAttempts == 1)
        #expect(try loseAttempt().lostAttempts == 2)
        // A clean stop (its owner requeues it, as on SIGTERM) shows the run does not take its
        // service down: the count restarts.
        let stopping = owner("clean-\(clock.timeIntervalSince1970)")
        #expect(try store.claimNext(owner: stopping, maxConcurrent: 1, at: clock)?.id == run.id)
        #expect(try store.transition(run.id, to: .queued, owner: stopping, at: clock).lostAttempts == 0)
        #expect(try loseAttempt().lostAttempts == 1)
        #expect(try loseAttempt().state == .queued)
        let failed = try loseAttempt()
        #expect(failed.state == .failed && failed.lostAttempts == 3 && failed.owner == nil)
        #expect(failed.failureReason?.contains("3 times in a row") == true)
        #expect(failed.failureReason?.contains("dratsd resume \(run.id)") == true)
        #expect(try store.claimNext(owner: owner("any"), maxConcurrent: 1, at: clock) == nil)

        let resumed = try store.resume(run.id, at: clock)
        #expect(resumed.state == .queued && resumed.lostAttempts == 0 && resumed.failureReason == nil)
        #expect(try loseAttempt().state == .queued)
        #expect(throws: DaemonError.self) { try store.recoverOrphans(current: owner("x"), leaseTimeoutSeconds: 60, lostAttemptLimit: 0) }
    }

    @Test func aWriterKilledInsideATransactionLeavesASoundDatabase() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let before = try RunStore(databasePath: temp.databasePath).submit(sampleSubmission("before"))
        let (writer, output) = try Worker.start(["hold-write", temp.databasePath])
        defer { killHard(writer) }
        #expect(output.nextLine() == "in-transaction")
        #expect(FileManager.default.fileExists(atPath: temp.databasePath + "-wal"))
        // WAL: readers (`dratsd list`) are not blocked by the open write; writers wait, then
        // give up with an error naming the database.
        let waiting = try RunStore(databasePath: temp.databasePath, busyTimeoutSeconds: 0.2)
        #expect(try waiting.list().map(\.id) == [before.id])
        do {
            try waiting.submit(sampleSubmission("blocked"))
            Issue.record("a write must wait for the open transaction")
        } catch {
            #expect(error.description.contains(temp.databasePath))
            #expect(error.description.contains("locked"))
        }
        killHard(writer)
        #expect(writer.terminationReason == .uncaughtSignal)

        let store = try RunStore(databasePath: temp.databasePath, busyTimeoutSeconds: 5)
        #expect(try store.integrityProblems().isEmpty)
        #expect(try store.list().map(\.id) == [before.id], "the uncommitted row is gone, the committed one kept")
        #expect(try store.run(id: before.id).configText == before.configText)
        // The dead writer's lock died with it: writing works at once.
        let after = try store.submit(sampleSubmission("after"))
        #expect(try store.list().map(\.id) == [before.id, after.id])
    }

    @Test func aWriterKilledAtARandomMomentLosesNoCommittedRun() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        _ = try RunStore(databasePath: temp.databasePath)
        for round in 0..<3 {
            let (writer, output) = try Worker.start(["churn", temp.databasePath])
            defer { killHard(writer) }
            var acknowledged: [String] = []
            // Kill after a different number of commits each round, while it is mid-submit.
            while acknowledged.count < 15 + 20 * round, let line = output.nextLine() { acknowledged.append(line) }
            killHard(writer)
            let store = try RunStore(databasePath: temp.databasePath, busyTimeoutSeconds: 5)
            #expect(try store.integrityProblems().isEmpty)
            let stored = Set(try store.list().map(\.id))
            #expect(Set(acknowledged).isSubset(of: stored), "round \(round): every acknowledged submit survives")
        }
    }
}
