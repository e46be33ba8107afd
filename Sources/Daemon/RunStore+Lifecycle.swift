import Foundation
import GRDB

/// What the trainer learns when it reports progress.
public struct ProgressAcknowledgement: Sendable, Equatable {
    /// The user ran `cancel` on this run: checkpoint and move it to cancelled.
    public var cancelRequested: Bool
}

/// What `cancel` did.
public enum CancelOutcome: Sendable, Equatable {
    /// The run was queued or paused and is now cancelled.
    case cancelled
    /// The run is running; its service will see the request at its next progress report.
    case requested
}

extension RunStore {
    /// Moves a run to `target` if `RunState.allowedNextStates` allows it.
    ///
    /// A running run may only be moved by its owner (`owner` must hold its lease), and moving to
    /// running needs the new owner; `claimNext` is the normal way to start a run.
    @discardableResult
    public func transition(_ runID: String, to target: RunState, owner: RunOwner? = nil, reason: String? = nil,
                           at now: Date = Date()) throws(DaemonError) -> RunRecord {
        try write { db in
            var record = try Self.fetchExisting(db, runID)
            guard record.state.allowedNextStates.contains(target) else {
                throw DaemonError.illegalTransition(runID: runID, from: record.state, to: target)
            }
            if record.state == .running {
                try Self.checkLease(record, owner)
            }
            if target == .running && owner == nil {
                throw DaemonError.invalidField(field: "owner", value: "none", allowed: "the service that will run \(runID)")
            }
            record.apply(target, owner: owner, reason: reason, at: now)
            try record.update(db)
            return record
        }
    }

    /// Cancels a queued or paused run at once, or asks the owner of a running run to stop.
    public func cancel(_ runID: String, at now: Date = Date()) throws(DaemonError) -> CancelOutcome {
        try write { db in
            var record = try Self.fetchExisting(db, runID)
            if record.state == .running {
                record.cancelRequested = true
                record.updatedAt = now
                try record.update(db)
                return .requested
            }
            guard record.state.allowedNextStates.contains(.cancelled) else {
                throw DaemonError.illegalTransition(runID: runID, from: record.state, to: .cancelled)
            }
            record.apply(.cancelled, owner: nil, reason: nil, at: now)
            try record.update(db)
            return .cancelled
        }
    }

    /// Puts a failed, paused or cancelled run back in the queue; it continues from its last
    /// checkpoint with a fresh fault allowance.
    @discardableResult
    public func resume(_ runID: String, at now: Date = Date()) throws(DaemonError) -> RunRecord {
        try write { db in
            var record = try Self.fetchExisting(db, runID)
            guard record.state.isResumable else {
                throw DaemonError.illegalTransition(runID: runID, from: record.state, to: .queued)
            }
            record.apply(.queued, owner: nil, reason: nil, at: now)
            try record.update(db)
            return record
        }
    }

    /// Records an iteration's progress (and renews the owner's lease on the run).
    ///
    /// - Parameters:
    ///   - envSteps: environment steps done in total, >= 0.
    ///   - stepsPerSecond: recent throughput, finite and >= 0.
    ///   - checkpointPath: the checkpoint just completed, if one was written.
    public func recordProgress(_ runID: String, owner: RunOwner, envSteps: Int64, stepsPerSecond: Double,
                               checkpointPath: String? = nil, at now: Date = Date()) throws(DaemonError) -> ProgressAcknowledgement {
        guard envSteps >= 0 else {
            throw .invalidField(field: "envSteps", value: String(envSteps), allowed: "an integer >= 0")
        }
        guard stepsPerSecond.isFinite, stepsPerSecond >= 0 else {
            throw .invalidField(field: "stepsPerSecond", value: String(stepsPerSecond), allowed: "a finite number >= 0")
        }
        return try write { db in
            var record = try Self.fetchExisting(db, runID)
            try Self.checkLease(record, owner)
            record.envSteps = envSteps
            record.stepsPerSecond = stepsPerSecond
            if let checkpointPath {
                record.lastCheckpointPath = checkpointPath
                record.lostAttempts = 0
            }
            record.updatedAt = now
            record.ownerHeartbeatAt = now
            try record.update(db)
            return ProgressAcknowledgement(cancelRequested: record.cancelRequested)
        }
    }

    /// Counts a fault (NaN loss, unreadable checkpoint) against a running run and returns the
    /// new count; the trainer decides when there were too many.
    public func recordFault(_ runID: String, owner: RunOwner, reason: String, at now: Date = Date()) throws(DaemonError) -> Int {
        try write { db in
            var record = try Self.fetchExisting(db, runID)
            try Self.checkLease(record, owner)
            record.faultCount += 1
            record.failureReason = reason
            record.updatedAt = now
            try record.update(db)
            return record.faultCount
        }
    }

    /// Renews the lease on every run `owner` holds; returns how many it holds.
    @discardableResult
    public func heartbeat(owner: RunOwner, at now: Date = Date()) throws(DaemonError) -> Int {
        try write { db in
            try RunRecord
                .filter(RunRecord.RunColumns.state == RunState.running.rawValue && RunRecord.RunColumns.ownerToken == owner.leaseToken)
                .updateAll(db, Column("ownerHeartbeatAt").set(to: now.timeIntervalSince1970))
        }
    }

    static func fetchExisting(_ db: Database, _ runID: String) throws -> RunRecord {
        guard let record = try RunRecord.fetchOne(db, key: runID) else { throw DaemonError.unknownRun(query: runID) }
        return record
    }

    static func checkLease(_ record: RunRecord, _ owner: RunOwner?) throws {
        guard record.state == .running, let owner, record.owner?.leaseToken == owner.leaseToken else {
            throw DaemonError.leaseLost(runID: record.id, state: record.state)
        }
    }
}
