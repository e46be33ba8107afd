import Daemon
import Foundation
import RunConfiguration
@testable import RunExecution
import Samplers
import Testing

/// A full disk under the run database (it used to wedge the queue): SQLite's COMMIT fails with
/// "database or disk is full". The run must end in a state the CLI can act on, the database must
/// not keep it `running`, and the queue must move once space returns, without a restart.
@Suite struct RunDatabaseDiskFullTests {
    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func aRunStoppedByAFullDiskIsRecordedPausedOnceSpaceReturnsAndTheQueueMovesOn() throws {
        var template = Array("/tmp/drats-dbfull-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        let mountPoint = try #require(made.map { String(cString: $0) })
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        try #require(mount("tmpfs", mountPoint, "tmpfs", 0, "size=4m") == 0, "mount tmpfs: \(String(cString: strerror(errno)))")
        defer { umount2(mountPoint, Int32(MNT_DETACH)) }

        let stateDirectory = try StateDirectory.prepare(flag: mountPoint + "/state")
        let store = try RunStore(stateDirectory: stateDirectory)
        let owner = RunOwner.current()
        func submission(_ yaml: String) throws -> RunSubmission {
            let config = try RunConfig.load(yaml: yaml)
            return RunSubmission(name: config.run.name, configText: try config.resolvedYAML(), samplerName: config.sampler.kind.rawValue,
                                 seed: config.run.seed, totalEnvSteps: Int64(config.run.totalEnvSteps))
        }
        let first = try store.submitRunning(try submission(TinyConfigs.gridWorld()), owner: owner)
        let waiting = try store.submit(try submission(TinyConfigs.gridWorld(sampler: "uniform")))

        var executor = RunExecutor(stateDirectory: stateDirectory, store: store, owner: owner)
        executor.diskFullRetrySeconds = 0.05
        let filler = mountPoint + "/filler"
        let databaseRefused = Box<Bool?>(nil)
        let retrying = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        let outcome = Box<RunOutcome?>(nil)
        let runExecutor = executor
        let thread = Thread {
            outcome.value = runExecutor.execute(runID: first.id, stop: StopSignal()) { line in
                if TrainLogLine.iteration(of: line) == 3 {
                    // Fill the device on the run's own thread, between its iteration and its
                    // checkpoint: the checkpoint and then the database's commit both hit ENOSPC.
                    Self.fill(filler)
                    do { _ = try store.heartbeat(owner: owner); databaseRefused.value = false } catch {
                        databaseRefused.value = (error as? DaemonError) == .diskFull(path: store.databasePath)
                    }
                }
                if line.contains("the run database cannot record it") { retrying.signal() }
            }
            done.signal()
        }
        thread.start()

        try #require(retrying.wait(timeout: .now() + 120) == .success, "the executor never reported the refused state change")
        #expect(databaseRefused.value == true, "a commit on the full disk must fail with diskFull")
        // Still running in the database, and the executor still holds it: the two agree.
        #expect(try store.run(id: first.id).state == .running)
        #expect(done.wait(timeout: .now() + 0.3) == .timedOut, "the executor keeps retrying while the disk is full")

        try FileManager.default.removeItem(atPath: filler)
        try #require(done.wait(timeout: .now() + 60) == .success, "the state change did not land once space returned")
        guard case .paused(let reason) = outcome.value else { Issue.record("outcome \(String(describing: outcome.value))"); return }
        #expect(reason.contains("no space left"), "\(reason)")
        let paused = try store.run(id: first.id)
        #expect(paused.state == .paused && paused.failureReason == reason)
        // The slot is free: the queued run is claimed with one slot, and the paused one resumes.
        #expect(try store.claimNext(owner: owner, maxConcurrent: 1)?.id == waiting.id)
        #expect(try store.resume(first.id).state == .queued)
        #expect(try store.integrityProblems().isEmpty)
    }

    /// Writes `path` until the device has no block left.
    static func fill(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        let block = [UInt8](repeating: 7, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        close(fd)
    }
}

/// A value shared with the run thread (set there, read after a semaphore says it was).
final class Box<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
