import Foundation

/// Where a training run's state is recorded while it trains: the run database (runs a service
/// or `dratsd train` holds) or the run folder's status file (runs of a Slurm array, which may
/// not depend on an SQLite database on a shared filesystem). The executor talks only to this.
public protocol RunLedger: Sendable {
    /// The run as recorded now.
    func currentRecord(of runID: String) throws(DaemonError) -> RunRecord
    /// Records an iteration's progress (and the checkpoint written, if any) for a run `owner`
    /// holds; the answer says whether the user asked to cancel it.
    func reportProgress(_ runID: String, owner: RunOwner, envSteps: Int64, stepsPerSecond: Double,
                        checkpointPath: String?) throws(DaemonError) -> ProgressAcknowledgement
    /// Counts a fault against a run `owner` holds; returns the new count.
    func reportFault(_ runID: String, owner: RunOwner, reason: String) throws(DaemonError) -> Int
    /// Moves a run `owner` holds to its final (or requeued) state.
    func finish(_ runID: String, as state: RunState, owner: RunOwner, reason: String?) throws(DaemonError)
}

extension RunStore: RunLedger {
    public func currentRecord(of runID: String) throws(DaemonError) -> RunRecord { try run(id: runID) }

    public func reportProgress(_ runID: String, owner: RunOwner, envSteps: Int64, stepsPerSecond: Double,
                               checkpointPath: String?) throws(DaemonError) -> ProgressAcknowledgement {
        try recordProgress(runID, owner: owner, envSteps: envSteps, stepsPerSecond: stepsPerSecond, checkpointPath: checkpointPath)
    }

    public func reportFault(_ runID: String, owner: RunOwner, reason: String) throws(DaemonError) -> Int {
        try recordFault(runID, owner: owner, reason: reason)
    }

    public func finish(_ runID: String, as state: RunState, owner: RunOwner, reason: String?) throws(DaemonError) {
        try transition(runID, to: state, owner: owner, reason: reason)
    }
}
