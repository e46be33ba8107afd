import Foundation

extension RunRecord {
    /// Moves the record to `target`, setting the bookkeeping fields that go with it. The caller
    /// has already checked that the move is allowed.
    mutating func apply(_ target: RunState, owner newOwner: RunOwner?, reason: String?, at now: Date) {
        let previous = state
        state = target
        updatedAt = now
        switch target {
        case .running:
            owner = newOwner
            ownerHeartbeatAt = now
            startedAt = startedAt ?? now
            attemptCount += 1
            cancelRequested = false
        case .queued:
            releaseOwner()
            finishedAt = nil
            // Queued by its owner (a clean stop), by a user, or by orphan recovery, which then
            // sets the count it has just raised.
            lostAttempts = 0
            if previous != .running {
                // A user resume: the run gets a fresh fault allowance and a clean slate.
                faultCount = 0
                failureReason = nil
            }
        case .paused:
            releaseOwner()
            failureReason = reason
        case .completed:
            releaseOwner()
            finishedAt = now
        case .failed:
            releaseOwner()
            finishedAt = now
            failureReason = reason
        case .cancelled:
            releaseOwner()
            finishedAt = now
        }
    }

    private mutating func releaseOwner() {
        owner = nil
        ownerHeartbeatAt = nil
        cancelRequested = false
    }
}
