import Foundation

/// One row of the run registry: what was submitted, where the run is, how far it got and who
/// holds it. Read it from `RunStore`; only the store writes it.
public struct RunRecord: Sendable, Equatable {
    /// Short unique id, e.g. `r-20261125-k3x9qa` (see `RunIDGenerator`).
    public var id: String
    /// Human name from the config.
    public var name: String
    /// The resolved config text, as written to the run folder's `config.yaml`.
    public var configText: String
    /// SHA-256 of `configText` (64 lowercase hex digits).
    public var configSHA256: String
    /// Task sampler name.
    public var samplerName: String
    /// Seed of the run's random streams.
    public var seed: UInt64
    /// Current state.
    public var state: RunState
    /// When the run was submitted.
    public var createdAt: Date
    /// When a service first started it (kept across resumes).
    public var startedAt: Date?
    /// When the row last changed.
    public var updatedAt: Date
    /// When it reached completed, failed or cancelled (cleared on resume).
    public var finishedAt: Date?
    /// Environment steps done so far (as of the last progress report).
    public var envSteps: Int64
    /// Step budget.
    public var totalEnvSteps: Int64
    /// Throughput over the last reported iteration, environment steps per second.
    public var stepsPerSecond: Double
    /// Path of the newest complete checkpoint, if any.
    public var lastCheckpointPath: String?
    /// Why the run failed or paused, shown by `dratsd show`.
    public var failureReason: String?
    /// Faults (NaN losses, unreadable checkpoints) since the run was last queued.
    public var faultCount: Int
    /// Times a service has claimed the run.
    public var attemptCount: Int
    /// Attempts in a row whose owner vanished (crash, kill -9, power loss) without a checkpoint
    /// written since the previous one; a checkpoint, a clean stop (the owner requeues it) or a
    /// user resume resets it. Enough of them in a row fail the run instead of requeueing it, so
    /// a run that kills its service cannot crash-loop the queue.
    public var lostAttempts: Int
    /// Set by `cancel` on a running run; the trainer sees it in its progress acknowledgement.
    public var cancelRequested: Bool
    /// The service holding the run while it is running.
    public var owner: RunOwner?
    /// The owner's last heartbeat.
    public var ownerHeartbeatAt: Date?
    /// The sweep the run belongs to (`dratsd sweep`), nil for a run submitted on its own.
    public var sweepID: String? = nil
}

extension RunRecord {
    /// A new queued run of `submission` under `id`, `envSteps` into its budget (0 for a new
    /// run, the checkpoint's steps for an imported one).
    public static func queued(id: String, _ submission: RunSubmission, envSteps: Int64 = 0, at now: Date) -> RunRecord {
        RunRecord(
            id: id, name: submission.name, configText: submission.configText, configSHA256: SHA256.hexDigest(of: submission.configText),
            samplerName: submission.samplerName, seed: submission.seed, state: .queued,
            createdAt: now, startedAt: nil, updatedAt: now, finishedAt: nil,
            envSteps: envSteps, totalEnvSteps: submission.totalEnvSteps, stepsPerSecond: 0,
            lastCheckpointPath: nil, failureReason: nil, faultCount: 0, attemptCount: 0, lostAttempts: 0,
            cancelRequested: false, owner: nil, ownerHeartbeatAt: nil, sweepID: submission.sweepID)
    }
}

/// JSON form for `dratsd list --json` / `show --json`: the stored fields under their Swift names.
extension RunRecord: Codable {}
