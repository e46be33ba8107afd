import Daemon
import Foundation
import Testing
import TestScratch

/// `submitRunning`: the registration `dratsd train` uses.
@Suite struct RunStoreForegroundTests {
    @Test func submitRunningRegistersARunAlreadyRunningUnderItsOwner() throws {
        let directory = try TestScratch("daemon")
        defer { directory.remove() }
        let store = try RunStore(databasePath: directory.databasePath)
        let me = owner("foreground")
        let record = try store.submitRunning(sampleSubmission("fg"), owner: me)
        #expect(record.state == .running)
        #expect(record.owner == me)
        #expect(record.attemptCount == 1)
        #expect(record.startedAt != nil)
        let stored = try store.run(id: record.id)
        #expect(stored.state == .running && stored.owner == me && stored.configText == record.configText)
        // A service looking for work finds nothing: the run is not queued.
        #expect(try store.claimNext(owner: owner("service"), maxConcurrent: 4) == nil)
        // The owner's lease works as for a claimed run.
        #expect(try store.recordProgress(record.id, owner: me, envSteps: 10, stepsPerSecond: 1).cancelRequested == false)
        #expect(throws: DaemonError.self) { try store.recordProgress(record.id, owner: owner("other"), envSteps: 10, stepsPerSecond: 1) }
    }

    @Test func submitRunningValidatesLikeSubmit() throws {
        let directory = try TestScratch("daemon")
        defer { directory.remove() }
        let store = try RunStore(databasePath: directory.databasePath)
        #expect(throws: DaemonError.invalidField(field: "totalEnvSteps", value: "0", allowed: "an integer > 0")) {
            try store.submitRunning(sampleSubmission(totalEnvSteps: 0), owner: owner("x"))
        }
        #expect(try store.list().isEmpty)
    }
}
