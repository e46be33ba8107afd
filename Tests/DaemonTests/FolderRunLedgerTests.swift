import Daemon
import Foundation
import Testing
import TestScratch

/// A Slurm run's record in its folder: status.json written atomically by its one writer, the
/// database's state machine, and the cancel request as a separate file.
@Suite struct FolderRunLedgerTests {
    func folder(_ temp: TestScratch, id: String = "r-20261202-abcdef") throws -> RunFolder {
        let folder = try RunFolder(stateDirectory: StateDirectory(url: temp.url), runID: id)
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        return folder
    }

    @Test func aTaskClaimsReportsAndFinishesTheRun() throws {
        let temp = try TestScratch("ledger")
        let folder = try folder(temp)
        let status = RunStatusFile(folder: folder)
        let queued = RunRecord.queued(id: folder.runID, sampleSubmission("slurm run"), at: Date(timeIntervalSince1970: 1_795_600_000))
        try status.write(queued)
        #expect(try status.read() == queued)

        let ledger = FolderRunLedger(folder: folder)
        let first = owner("task-1")
        let (claimed, didClaim) = try ledger.claim(owner: first)
        #expect(didClaim && claimed.state == .running && claimed.attemptCount == 1 && claimed.owner == first)
        #expect(try ledger.reportProgress(folder.runID, owner: first, envSteps: 500, stepsPerSecond: 100, checkpointPath: "c1").cancelRequested == false)
        #expect(try ledger.reportFault(folder.runID, owner: first, reason: "nan") == 1)
        // A task killed outright leaves the run running; the next task takes it over, and the
        // dead task's lease no longer writes.
        let second = owner("task-2")
        let (resumed, _) = try ledger.claim(owner: second)
        #expect(resumed.attemptCount == 2 && resumed.envSteps == 500 && resumed.lastCheckpointPath == "c1")
        #expect(throws: DaemonError.leaseLost(runID: folder.runID, state: .running)) {
            try ledger.reportProgress(folder.runID, owner: first, envSteps: 600, stepsPerSecond: 1, checkpointPath: nil)
        }
        try ledger.finish(folder.runID, as: .completed, owner: second, reason: nil)
        let done = try status.read()
        #expect(done.state == .completed && done.owner == nil && done.finishedAt != nil)
        // A finished run is not claimed again (a task requeued after the run completed).
        #expect(try ledger.claim(owner: owner("task-3")).claimed == false)
    }

    /// A run still trained by a live task of another Slurm job (the array submitted twice) is
    /// not taken over; a requeued task of the same job, or a dead one, takes it.
    @Test func aLiveTaskOfAnotherJobKeepsItsRun() throws {
        let temp = try TestScratch("ledger")
        let folder = try folder(temp)
        try RunStatusFile(folder: folder).write(RunRecord.queued(id: folder.runID, sampleSubmission(), at: Date()))
        let ledger = FolderRunLedger(folder: folder)
        let first = RunOwner.slurmTask(jobID: "41", restartCount: "0")
        #expect(first.slurmJobID == "41")
        _ = try ledger.claim(owner: first)
        var asked: [String] = []
        #expect(throws: DaemonError.runHeldElsewhere(runID: folder.runID, holder: "Slurm job 41")) {
            try ledger.claim(owner: RunOwner.slurmTask(jobID: "57", restartCount: "0"), isAlive: { asked.append($0.slurmJobID ?? "?"); return true })
        }
        #expect(asked == ["41"])
        let requeued = RunOwner.slurmTask(jobID: "41", restartCount: "1")
        #expect(try ledger.claim(owner: requeued, isAlive: { _ in Issue.record("a requeue of the same job was asked about"); return true }).claimed)
        #expect(try ledger.claim(owner: RunOwner.slurmTask(jobID: "57", restartCount: "0"), isAlive: { _ in false }).record.attemptCount == 3)
        // A Slurm owner is never judged by a local pid.
        #expect(!(try RunStatusFile(folder: folder).read()).isOrphaned)
    }

    @Test func aCancelRequestReachesTheRunningTaskAndOneNotYetStarted() throws {
        let temp = try TestScratch("ledger")
        let running = try folder(temp)
        try RunStatusFile(folder: running).write(RunRecord.queued(id: running.runID, sampleSubmission(), at: Date()))
        let ledger = FolderRunLedger(folder: running)
        let task = owner("task")
        _ = try ledger.claim(owner: task)
        try RunStatusFile(folder: running).requestCancel()
        #expect(try ledger.reportProgress(running.runID, owner: task, envSteps: 1, stepsPerSecond: 1, checkpointPath: nil).cancelRequested)

        let pending = try folder(temp, id: "r-20261202-bcdefg")
        try RunStatusFile(folder: pending).write(RunRecord.queued(id: pending.runID, sampleSubmission(), at: Date()))
        try RunStatusFile(folder: pending).requestCancel()
        let (record, claimed) = try FolderRunLedger(folder: pending).claim(owner: task)
        #expect(!claimed && record.state == .cancelled)
        #expect(try RunStatusFile(folder: pending).read().state == .cancelled)
    }

    @Test func aDamagedOrForeignStatusFileIsAClearError() throws {
        let temp = try TestScratch("ledger")
        let folder = try folder(temp)
        let status = RunStatusFile(folder: folder)
        #expect(throws: DaemonError.self) { try status.read() }
        try "{not json".write(toFile: status.path, atomically: true, encoding: .utf8)
        do {
            _ = try status.read()
            Issue.record("damaged status.json was read")
        } catch {
            #expect(error.description.contains(status.path) && error.description.contains("not a run record"))
        }
        try status.write(RunRecord.queued(id: "r-20261202-zzzzzz", sampleSubmission(), at: Date()))
        #expect(throws: DaemonError.self) { try status.read() }
    }

    @Test func sweepFoldersAreCreatedOnceAndListed() throws {
        let temp = try TestScratch("ledger")
        let state = StateDirectory(url: temp.url)
        #expect(throws: DaemonError.self) { try SlurmSweepFolder(stateDirectory: state, sweepID: "../x") }
        #expect(throws: DaemonError.self) { try SlurmSweepFolder(stateDirectory: state, sweepID: "r-20261202-abcdef") }
        let folder = try SlurmSweepFolder(stateDirectory: state, sweepID: "s-20261202-abcdef")
        try folder.create()
        #expect(throws: DaemonError.self) { try folder.create() }
        let sweep = SweepRecord(id: folder.sweepID, name: "s", configPath: "c.yaml", axesText: "run.seed=1..2", runCount: 2,
                                createdAt: Date(timeIntervalSince1970: 1_795_600_000))
        let manifest = SlurmSweepFolder.Manifest(sweep: sweep, runIDs: ["r-20261202-aaaaaa", "r-20261202-bbbbbb"], arrayJobID: "42", sbatchOptions: ["--array=0-1"])
        try folder.writeManifest(manifest)
        #expect(try folder.readManifest() == manifest)
        #expect(SlurmSweepFolder.all(in: state) == [manifest])
    }
}
