import FileIO
import Foundation

/// The record of a run that no database holds: `status.json` in its run folder, the run's
/// `RunRecord` as JSON, written atomically by its one writer (the Slurm array task training
/// it; before the task starts, the CLI that created it). Runs of a Slurm sweep keep their state
/// here because their state directory is on a filesystem shared by the cluster's nodes, where
/// SQLite's WAL mode does not work.
///
/// A user's cancel request is a separate file, `cancel-requested`, so that the CLI never
/// writes the status file a running task owns: the task sees the file at its next progress
/// report (`FolderRunLedger`), and a task that has not started sees it when it does.
public struct RunStatusFile: Sendable {
    /// The run folder.
    public let folder: RunFolder

    public init(folder: RunFolder) { self.folder = folder }

    /// `<run folder>/status.json`.
    public var path: String { folder.url.appendingPathComponent("status.json").path }
    /// `<run folder>/cancel-requested`.
    public var cancelRequestPath: String { folder.url.appendingPathComponent("cancel-requested").path }

    /// The record, checked: valid JSON of a record whose id is the folder's.
    public func read() throws(DaemonError) -> RunRecord {
        guard let record = try JSONRecordFile.read(RunRecord.self, from: path, what: "a run record") else {
            throw .invalidField(field: path, value: "missing", allowed: "the status.json dratsd writes into a Slurm run's folder")
        }
        guard record.id == folder.runID else {
            throw .invalidField(field: "\(path) id", value: record.id, allowed: "the folder's run id \(folder.runID)")
        }
        return record
    }

    /// Replaces the record atomically (write, fsync, rename, fsync of the folder).
    public func write(_ record: RunRecord) throws(DaemonError) {
        try JSONRecordFile.write(record, to: path)
    }

    /// Whether a user asked to cancel the run.
    public var cancelRequested: Bool { FileManager.default.fileExists(atPath: cancelRequestPath) }

    /// Records a user's cancel request (the task training the run, or the next to start, acts on it).
    public func requestCancel(at now: Date = Date()) throws(DaemonError) {
        try DaemonError.mapping { () throws(FileIOError) in
            try AtomicFile.write(text: "cancel requested at \(Int(now.timeIntervalSince1970))\n", to: cancelRequestPath)
        }
    }
}

/// A `RunLedger` over one run folder's `status.json`, for the process that trains the run
/// (a Slurm array task). The state machine is the database's (`RunRecord.apply`).
public final class FolderRunLedger: RunLedger, @unchecked Sendable {
    public let status: RunStatusFile
    private let lock = NSLock()

    public init(folder: RunFolder) { status = RunStatusFile(folder: folder) }

    /// Takes the run for `owner` at the start of a Slurm task: a queued or paused run, or a
    /// running one whose previous task was killed or requeued without stopping cleanly (Slurm
    /// runs one task of an array index at a time, so a running record here is a dead task's).
    /// Returns nil when the run is already finished (completed, cancelled or failed), with the
    /// record; a run whose cancel was requested is cancelled here and also returned as finished.
    ///
    /// `isAlive` is asked about a running record's owner from another Slurm job (the array
    /// submitted again while the first is still training): a live one keeps the run, and the
    /// claim is refused with `runHeldElsewhere`, so two tasks never train into one folder. The
    /// previous attempt of the same job (a requeue) is dead by Slurm's rules and is not asked.
    public func claim(owner: RunOwner, at now: Date = Date(), isAlive: (RunOwner) -> Bool = { _ in false })
        throws(DaemonError) -> (record: RunRecord, claimed: Bool) {
        lock.lock()
        defer { lock.unlock() }
        var record = try status.read()
        if record.state.isFinished { return (record, false) }
        if record.state == .running, let previous = record.owner, previous.slurmJobID != owner.slurmJobID, isAlive(previous) {
            throw .runHeldElsewhere(runID: record.id, holder: previous.slurmJobID.map { "Slurm job \($0)" } ?? "process \(previous.pid)")
        }
        if status.cancelRequested {
            record.apply(.cancelled, owner: nil, reason: nil, at: now)
            try status.write(record)
            return (record, false)
        }
        record.apply(.running, owner: owner, reason: nil, at: now)
        try status.write(record)
        return (record, true)
    }

    /// Ends the run cancelled if a user asked for it and it is not finished: for a task that
    /// stopped on the SIGTERM of `scancel` before its progress report could see the request
    /// (an iteration abandoned mid-way). Returns the record.
    @discardableResult
    public func cancelIfRequested(at now: Date = Date()) throws(DaemonError) -> RunRecord {
        lock.lock()
        defer { lock.unlock() }
        var record = try status.read()
        guard status.cancelRequested, !record.state.isFinished else { return record }
        record.apply(.cancelled, owner: nil, reason: nil, at: now)
        try status.write(record)
        return record
    }

    /// The record as a reader should see it: a queued run with a cancel request is cancelled (its
    /// task, if one ever starts, cancels it at once), so `logs -f` stops following it.
    public func currentRecord(of runID: String) throws(DaemonError) -> RunRecord {
        lock.lock()
        defer { lock.unlock() }
        var record = try status.read()
        if record.state == .queued, status.cancelRequested { record.state = .cancelled }
        return record
    }

    public func reportProgress(_ runID: String, owner: RunOwner, envSteps: Int64, stepsPerSecond: Double,
                               checkpointPath: String?) throws(DaemonError) -> ProgressAcknowledgement {
        try update(owner) { record in
            record.envSteps = envSteps
            record.stepsPerSecond = stepsPerSecond.isFinite ? max(stepsPerSecond, 0) : 0
            if let checkpointPath { record.lastCheckpointPath = checkpointPath }
            record.ownerHeartbeatAt = Date()
        }
        return ProgressAcknowledgement(cancelRequested: status.cancelRequested)
    }

    public func reportFault(_ runID: String, owner: RunOwner, reason: String) throws(DaemonError) -> Int {
        var count = 0
        try update(owner) { record in
            record.faultCount += 1
            record.failureReason = reason
            count = record.faultCount
        }
        return count
    }

    public func finish(_ runID: String, as state: RunState, owner: RunOwner, reason: String?) throws(DaemonError) {
        try update(owner) { record in
            guard record.state.allowedNextStates.contains(state) else { return }
            record.apply(state, owner: owner, reason: reason, at: Date())
        }
    }

    private func update(_ owner: RunOwner, _ change: (inout RunRecord) -> Void) throws(DaemonError) {
        lock.lock()
        defer { lock.unlock() }
        var record = try status.read()
        guard record.state == .running, record.owner?.leaseToken == owner.leaseToken else {
            throw .leaseLost(runID: record.id, state: record.state)
        }
        change(&record)
        record.updatedAt = Date()
        try status.write(record)
    }
}
