import Daemon
import Foundation
import Testing
import TestScratch

@Suite struct RunStoreLifecycleTests {
    @Test func theStateMachine() {
        #expect(RunState.completed.allowedNextStates.isEmpty)
        #expect(RunState.queued.allowedNextStates == [.running, .cancelled])
        #expect(RunState.allCases.filter(\.isResumable) == [.paused, .failed, .cancelled])
        for state in RunState.allCases {
            #expect(!state.allowedNextStates.contains(state), "\(state) must not move to itself")
        }
    }

    @Test func illegalTransitionsNameTheRunAndBothStates() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let run = try store.submit(sampleSubmission())
        do {
            try store.transition(run.id, to: .completed)
            Issue.record("queued -> completed must be refused")
        } catch {
            #expect(error == .illegalTransition(runID: run.id, from: .queued, to: .completed))
            #expect(error.description.contains(run.id))
            #expect(error.description.contains("from queued to completed"))
            #expect(error.description.contains("cancelled, running"))
        }
        #expect(try store.run(id: run.id).state == .queued)
        // Moving to running needs the owner that will run it.
        #expect(throws: DaemonError.self) { try store.transition(run.id, to: .running) }
    }

    @Test func aRunFromSubmitToCompleted() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let service = owner("service-a")
        let run = try store.submit(sampleSubmission())
        _ = try #require(try store.claimNext(owner: service, maxConcurrent: 1))
        // Only the owner may finish it.
        #expect(throws: DaemonError.leaseLost(runID: run.id, state: .running)) {
            try store.transition(run.id, to: .completed, owner: owner("other"))
        }
        #expect(throws: DaemonError.leaseLost(runID: run.id, state: .running)) {
            try store.transition(run.id, to: .completed)
        }
        let done = try store.transition(run.id, to: .completed, owner: service, at: Date(timeIntervalSince1970: 99))
        #expect(done.state == .completed && done.finishedAt == Date(timeIntervalSince1970: 99))
        #expect(done.owner == nil && done.ownerHeartbeatAt == nil)
        #expect(throws: DaemonError.illegalTransition(runID: run.id, from: .completed, to: .queued)) { try store.resume(run.id) }
        #expect(throws: DaemonError.illegalTransition(runID: run.id, from: .completed, to: .cancelled)) { _ = try store.cancel(run.id) }
        do {
            _ = try store.cancel(run.id)
        } catch {
            #expect(error.description.contains("none (it is final)"))
        }
    }

    @Test func cancelQueuedAtOnceAndRunningByRequest() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let service = owner("service-a")
        let running = try store.submit(sampleSubmission("running"), at: Date(timeIntervalSince1970: 1))
        let queued = try store.submit(sampleSubmission("queued"), at: Date(timeIntervalSince1970: 2))
        #expect(try store.claimNext(owner: service, maxConcurrent: 1)?.id == running.id)

        #expect(try store.cancel(queued.id) == .cancelled)
        #expect(try store.run(id: queued.id).state == .cancelled)
        #expect(try store.run(id: queued.id).finishedAt != nil)

        #expect(try store.cancel(running.id) == .requested)
        #expect(try store.run(id: running.id).state == .running)
        let ack = try store.recordProgress(running.id, owner: service, envSteps: 10, stepsPerSecond: 5)
        #expect(ack.cancelRequested)
        let cancelled = try store.transition(running.id, to: .cancelled, owner: service)
        #expect(cancelled.state == .cancelled && !cancelled.cancelRequested)
        // Cancelling twice is refused with the reason.
        #expect(throws: DaemonError.illegalTransition(runID: queued.id, from: .cancelled, to: .cancelled)) { _ = try store.cancel(queued.id) }
    }

    @Test func resumeRequeuesStoppedRunsWithAFreshFaultAllowance() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let service = owner("service-a")
        let run = try store.submit(sampleSubmission())
        _ = try store.claimNext(owner: service, maxConcurrent: 1)
        #expect(throws: DaemonError.illegalTransition(runID: run.id, from: .running, to: .queued)) { try store.resume(run.id) }
        do {
            try store.resume(run.id)
        } catch {
            #expect(error.description.contains("only failed, paused or cancelled runs can be resumed"))
        }
        _ = try store.recordProgress(run.id, owner: service, envSteps: 300, stepsPerSecond: 10, checkpointPath: "c1")
        _ = try store.recordFault(run.id, owner: service, reason: "NaN")
        let failed = try store.transition(run.id, to: .failed, owner: service, reason: "3 faults: NaN in policy loss")
        #expect(failed.failureReason == "3 faults: NaN in policy loss" && failed.finishedAt != nil)

        let resumed = try store.resume(run.id)
        #expect(resumed.state == .queued && resumed.faultCount == 0 && resumed.failureReason == nil && resumed.finishedAt == nil)
        #expect(resumed.envSteps == 300 && resumed.lastCheckpointPath == "c1")
        let again = try #require(try store.claimNext(owner: service, maxConcurrent: 1))
        #expect(again.attemptCount == 2 && again.startedAt == failed.startedAt)

        // Paused (e.g. a full disk) keeps its reason until resumed.
        let paused = try store.transition(run.id, to: .paused, owner: service, reason: "disk full")
        #expect(paused.failureReason == "disk full" && paused.finishedAt == nil)
        #expect(try store.resume(run.id).state == .queued)
    }

    @Test func interruptedRunsGoBackToTheQueueKeepingTheirFaults() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let service = owner("service-a")
        let run = try store.submit(sampleSubmission())
        _ = try store.claimNext(owner: service, maxConcurrent: 1)
        _ = try store.recordFault(run.id, owner: service, reason: "NaN")
        let requeued = try store.transition(run.id, to: .queued, owner: service)
        #expect(requeued.faultCount == 1 && requeued.owner == nil)
    }
}

extension RunStoreLifecycleTests {
    /// `claimNext`'s admit check sees the head of the queue and every running run in the claim's
    /// transaction; a refusal claims nothing, and the queue keeps its order (the service's
    /// memory check, issue 19).
    @Test func anAdmitCheckThatRefusesLeavesTheQueueAsItWas() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let store = try RunStore(databasePath: temp.databasePath)
        let service = owner("service-a")
        let first = try store.submit(sampleSubmission())
        let second = try store.submit(sampleSubmission())
        let third = try store.submit(sampleSubmission())
        #expect(try store.claimNext(owner: service, maxConcurrent: 3) { next, running in next.id == first.id && running.isEmpty }?.id == first.id)
        var asked: [(String, [String])] = []
        let refused = try store.claimNext(owner: service, maxConcurrent: 3) { next, running in
            asked.append((next.id, running.map(\.id)))
            return false
        }
        #expect(refused == nil)
        #expect(asked.count == 1 && asked.first?.0 == second.id && asked.first?.1 == [first.id])
        #expect(try store.run(id: second.id).state == .queued && store.run(id: third.id).state == .queued)
        #expect(try store.claimNext(owner: service, maxConcurrent: 3) { _, _ in true }?.id == second.id)
    }
}
