#if canImport(Glibc)
import Glibc
#endif
import Daemon
import Foundation
@testable import RunExecution
import SafeTensors
import Testing

/// What the executor does when things break: corrupt checkpoints, a full disk, a diverging learner.
@Suite struct RunFaultTests {
    /// Trains to iteration 4 (checkpoints at 3 and 4 kept), damages the newest with `damage`,
    /// and resumes: the run must restore iteration 3 and still log every iteration once.
    func resumePastDamagedCheckpoint(_ damage: (String) throws -> Void) throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 1, keepLast: 2))
        scratch.trainAndInterrupt(record.id, atIteration: 4)
        let folder = try scratch.folder(record.id)
        let catalog = CheckpointCatalog(folder: folder)
        let newest = catalog.path(forEnvSteps: 256)
        try damage(newest)
        #expect(throws: (any Error).self) { try SafeTensors.read(from: URL(fileURLWithPath: newest)) }

        try scratch.restart(record.id)
        #expect(scratch.executor.execute(runID: record.id, stop: StopSignal()) == .completed)
        let log = try scratch.lines(folder.trainLogPath)
        #expect(log.contains { $0.hasPrefix("warning: checkpoint \(newest) is unusable") && $0.contains("moved aside to \(newest).corrupt") })
        #expect(log.contains { $0.hasPrefix("resume: restored \(catalog.path(forEnvSteps: 192)) (iteration 3, 192 env steps)") })
        #expect(FileManager.default.fileExists(atPath: newest + ".corrupt"))
        let iterations = try scratch.jsonLines(folder.metricsPath).filter { $0["kind"] as? String == "iteration" }
        #expect(iterations.map { $0["iteration"] as? Int } == Array(1...10))
        #expect(try catalog.entries().first?.envSteps == 640)
    }

    @Test func aFlippedByteInTheNewestCheckpointFallsBackToThePreviousOne() throws {
        try resumePastDamagedCheckpoint { path in
            var bytes = try #require(FileManager.default.contents(atPath: path))
            bytes[bytes.count - 5] ^= 0x40
            try bytes.write(to: URL(fileURLWithPath: path))
        }
    }

    @Test func aTruncatedNewestCheckpointFallsBackToThePreviousOne() throws {
        try resumePastDamagedCheckpoint { path in
            let bytes = try #require(FileManager.default.contents(atPath: path))
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        }
    }

    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func aFullDiskPausesTheRunNamingThePathAndKeepsTheLastCheckpoint() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 1, keepLast: 2))
        let folder = try scratch.folder(record.id)
        try FileManager.default.createDirectory(atPath: folder.url.path, withIntermediateDirectories: true)
        guard mount("tmpfs", folder.url.path, "tmpfs", 0, "size=512k") == 0 else {
            Issue.record("mount tmpfs failed: \(String(cString: strerror(errno)))")
            return
        }
        defer { umount2(folder.url.path, Int32(MNT_DETACH)) }

        scratch.trainAndInterrupt(record.id, atIteration: 4)
        let good = CheckpointCatalog(folder: folder).path(forEnvSteps: 256)
        let goodBytes = try #require(FileManager.default.contents(atPath: good))

        // Fill the device, then resume: the first write fails with ENOSPC.
        let filler = fill(folder.url.path)
        try scratch.restart(record.id)
        let outcome = scratch.executor.execute(runID: record.id, stop: StopSignal())
        guard case .paused(let reason) = outcome else { Issue.record("outcome \(outcome)"); return }
        #expect(reason.contains("no space left on the device writing \(folder.url.path)/"), "\(reason)")
        let paused = try scratch.store.run(id: record.id)
        #expect(paused.state == .paused)
        #expect(paused.failureReason == reason)
        #expect(FileManager.default.contents(atPath: good) == goodBytes)
        _ = try SafeTensors.read(from: URL(fileURLWithPath: good))

        // Space freed: the run continues from that checkpoint and completes.
        try FileManager.default.removeItem(atPath: filler)
        try scratch.restart(record.id)
        #expect(scratch.executor.execute(runID: record.id, stop: StopSignal()) == .completed)
        let iterations = try scratch.jsonLines(folder.metricsPath).filter { $0["kind"] as? String == "iteration" }
        #expect(iterations.map { $0["iteration"] as? Int } == Array(1...10))
    }

    @Test func aCheckpointOfAnotherLearningConfigFailsTheRunAndIsKept() throws {
        let scratch = try Scratch()
        let (other, _) = try scratch.start(TinyConfigs.gridWorld(learningRate: 0.01))
        #expect(scratch.executor.execute(runID: other.id, stop: StopSignal()) == .completed)
        let (record, _) = try scratch.start(TinyConfigs.gridWorld())
        let folder = try scratch.folder(record.id)
        try folder.create(configText: record.configText)
        let foreign = CheckpointCatalog(folder: folder).path(forEnvSteps: 640)
        try FileManager.default.copyItem(atPath: CheckpointCatalog(folder: try scratch.folder(other.id)).path(forEnvSteps: 640), toPath: foreign)

        let outcome = scratch.executor.execute(runID: record.id, stop: StopSignal())
        guard case .failed(let reason) = outcome else { Issue.record("outcome \(outcome)"); return }
        #expect(reason.contains("was written with trainer config hash"), "\(reason)")
        #expect(FileManager.default.fileExists(atPath: foreign))
        #expect(try scratch.store.run(id: record.id).state == .failed)
    }

    /// Fills the device mounted at `directory` (a file `filler` takes every free block).
    func fill(_ directory: String) -> String {
        let filler = directory + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT, 0o600)
        let block = [UInt8](repeating: 7, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        close(fd)
        return filler
    }

    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"))
    func aCheckpointWriteOnAFullDiskMidRunPausesTheRunAndKeepsThePreviousCheckpoint() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 1, keepLast: 2))
        let folder = try scratch.folder(record.id)
        try FileManager.default.createDirectory(atPath: folder.checkpointsPath, withIntermediateDirectories: true)
        guard mount("tmpfs", folder.checkpointsPath, "tmpfs", 0, "size=256k") == 0 else {
            Issue.record("mount tmpfs failed: \(String(cString: strerror(errno)))")
            return
        }
        defer { umount2(folder.checkpointsPath, Int32(MNT_DETACH)) }
        scratch.trainAndInterrupt(record.id, atIteration: 4)
        let catalog = CheckpointCatalog(folder: folder)
        let good = catalog.path(forEnvSteps: 256)
        let goodBytes = try #require(FileManager.default.contents(atPath: good))

        // Only the checkpoints' device is full: iteration 5 is logged, its checkpoint is not.
        let filler = fill(folder.checkpointsPath)
        try scratch.restart(record.id)
        let outcome = scratch.executor.execute(runID: record.id, stop: StopSignal())
        guard case .paused(let reason) = outcome else { Issue.record("outcome \(outcome)"); return }
        #expect(reason.contains("no space left on the device writing \(catalog.path(forEnvSteps: 320))"), "\(reason)")
        #expect(try scratch.store.run(id: record.id).failureReason == reason)
        #expect(FileManager.default.contents(atPath: good) == goodBytes)
        #expect(try catalog.entries().map(\.envSteps) == [256, 192])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.checkpointsPath).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "temporary files left: \(leftovers)")
        #expect(try scratch.lines(folder.trainLogPath).last == "paused: \(reason)")

        // Space freed: iteration 5 is cut from the logs, redone, and the run completes.
        try FileManager.default.removeItem(atPath: filler)
        try scratch.restart(record.id)
        #expect(scratch.executor.execute(runID: record.id, stop: StopSignal()) == .completed)
        let iterations = try scratch.jsonLines(folder.metricsPath).filter { $0["kind"] as? String == "iteration" }
        #expect(iterations.map { $0["iteration"] as? Int } == Array(1...10))
    }

    /// A learning rate of 1e30 is valid config (positive, finite) and really diverges.
    ///
    /// Iteration 2 by construction, on any BLAS kernel: iteration 1's first minibatch starts from
    /// the rollout's own parameters (finite loss, approx KL 0), and Adam's first step moves every
    /// parameter with a gradient by about lr x sign(g) = 1e30. The next minibatch's log-std is then
    /// +-1e30, so its approx KL overflows to infinity and the KL early stop ends iteration 1 with
    /// that one step applied; iteration 2's rollout and loss overflow (mean and std beyond Float's
    /// range), a fault. Rounding cannot move a value that large back into range.
    @Test func aDivergingLearnerFailsTheRunAfterThreeConsecutiveFaults() throws {
        let scratch = try Scratch()
        let (record, _) = try scratch.start(TinyConfigs.gridWorld(everyIterations: 1, learningRate: 1e30))
        var lines: [String] = []
        let outcome = scratch.executor.execute(runID: record.id, stop: StopSignal()) { lines.append($0) }
        guard case .failed(let reason) = outcome else { Issue.record("outcome \(outcome)"); return }
        #expect(reason.hasPrefix("3 consecutive faults (3 since the run was queued); last: iteration 2: the PPO loss or gradient was NaN or infinite"), "\(reason)")
        let failed = try scratch.store.run(id: record.id)
        #expect(failed.state == .failed)
        #expect(failed.faultCount == 3)
        #expect(failed.failureReason == reason)
        // Iteration 1 is checkpointed; iteration 2 diverges, and each retry restores iteration 1.
        #expect(lines.filter { $0.hasPrefix("fault ") }.count == 2)
        let folder = try scratch.folder(record.id)
        let restored = "resume: restored \(CheckpointCatalog(folder: folder).path(forEnvSteps: 64)) (iteration 1, 64 env steps)"
        #expect(lines.filter { $0.hasPrefix(restored) }.count == 2)
        #expect(try scratch.jsonLines(folder.metricsPath).map { $0["iteration"] as? Int } == [1])
        #expect(try scratch.lines(folder.trainLogPath).last == "failed: \(reason)")
    }
}
