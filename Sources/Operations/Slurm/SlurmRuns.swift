import Daemon
import Foundation

/// One run of a Slurm sweep as the CLI sees it: its status file, its place in the array and,
/// when the controller answers, what Slurm says of its task.
public struct SlurmRun: Sendable {
    public var record: RunRecord
    public var manifest: SlurmSweepFolder.Manifest
    /// The run's array task index.
    public var arrayIndex: Int
    /// The task's state in `squeue` (PENDING, RUNNING, ...), nil when Slurm no longer lists it
    /// (it ended) or was not asked.
    public var slurmState: String?
    /// Whether `squeue` answered for the array (else nothing is known of its tasks).
    public var slurmAnswered: Bool

    /// `<array job id>_<index>`, the task's Slurm job id, once the array is submitted.
    public var taskJobID: String? { manifest.arrayJobID.map { "\($0)_\(arrayIndex)" } }

    /// What `list` and `show` add to the state: the Slurm task and its state, or a warning when
    /// the status file says queued or running but Slurm has no task for it.
    public var note: String {
        guard let task = taskJobID else { return "slurm: not submitted (sbatch the sweep's job.sbatch)" }
        if let slurmState { return "slurm \(task): \(slurmState.lowercased())" }
        if !slurmAnswered { return "slurm \(task): squeue did not answer" }
        if record.state == .queued || record.state == .running {
            return "slurm \(task): gone (not in squeue; resubmit its index: sbatch --array=\(arrayIndex) job.sbatch in the sweep's folder)"
        }
        return "slurm \(task)"
    }
}

/// Reads the Slurm sweeps of a state directory: their manifests, the runs' status files, and
/// `squeue` for the tasks' states.
public enum SlurmRuns {
    /// Every run of every Slurm sweep, oldest first; with `askSlurm`, each carries its task's
    /// state from one `squeue` call per array (none when no controller answers).
    public static func all(in stateDirectory: StateDirectory, askSlurm: Bool = true) -> [SlurmRun] {
        SlurmSweepFolder.all(in: stateDirectory).flatMap { runs(of: $0, in: stateDirectory, askSlurm: askSlurm) }
            .sorted { ($0.record.createdAt, $0.record.id) < ($1.record.createdAt, $1.record.id) }
    }

    /// The runs of one sweep, in array order. A run folder whose status file cannot be read is
    /// left out (`show` on its id names the problem).
    public static func runs(of manifest: SlurmSweepFolder.Manifest, in stateDirectory: StateDirectory, askSlurm: Bool = true) -> [SlurmRun] {
        let states = askSlurm ? manifest.arrayJobID.flatMap(taskStates) : nil
        return manifest.runIDs.enumerated().compactMap { index, id in
            guard let folder = try? RunFolder(stateDirectory: stateDirectory, runID: id) else { return nil }
            let status = RunStatusFile(folder: folder)
            guard var record = try? status.read() else { return nil }
            // A queued run with a cancel request is cancelled unless its task is running: a
            // pending task scancel'ed before it started never writes its status, and one that
            // does start cancels the run at once (`FolderRunLedger.claim`).
            if record.state == .queued, status.cancelRequested, states?[index] != "RUNNING" {
                record.state = .cancelled
            }
            return SlurmRun(record: record, manifest: manifest, arrayIndex: index, slurmState: states?[index], slurmAnswered: states != nil)
        }
    }

    /// The Slurm sweep whose id is `query` or the only one starting with it; nil when none does.
    public static func sweep(_ query: String, in stateDirectory: StateDirectory) throws(DaemonError) -> SlurmSweepFolder.Manifest? {
        guard !query.isEmpty else { throw .unknownSweep(query: query) }
        let matches = SlurmSweepFolder.all(in: stateDirectory).filter { $0.sweep.id == query || $0.sweep.id.hasPrefix(query) }
        if let exact = matches.first(where: { $0.sweep.id == query }) { return exact }
        guard matches.count <= 1 else { throw .ambiguousRunPrefix(prefix: query, matches: matches.map(\.sweep.id)) }
        return matches.first
    }

    /// The Slurm run whose id is `query` or the only one starting with it; nil when none does.
    public static func run(_ query: String, in stateDirectory: StateDirectory) throws(DaemonError) -> SlurmRun? {
        guard !query.isEmpty else { return nil }
        // A run folder with a status file is a Slurm run; read the status first for a clear error.
        if let folder = try? RunFolder(stateDirectory: stateDirectory, runID: query),
           FileManager.default.fileExists(atPath: RunStatusFile(folder: folder).path) {
            _ = try RunStatusFile(folder: folder).read()
        }
        // Matched on the folders alone; squeue is asked only about the one run found, so looking
        // up a registry run costs no Slurm call per sweep.
        let matches = all(in: stateDirectory, askSlurm: false).filter { $0.record.id.hasPrefix(query) }
        let found = matches.first(where: { $0.record.id == query })
        guard found != nil || matches.count <= 1 else { throw .ambiguousRunPrefix(prefix: query, matches: matches.map(\.record.id)) }
        guard let run = found ?? matches.first else { return nil }
        return runs(of: run.manifest, in: stateDirectory).first { $0.record.id == run.record.id } ?? run
    }

    /// Asks to cancel a Slurm run: records the request in its folder (the task, running or yet
    /// to start, ends the run as cancelled) and `scancel`s its task (a running task gets
    /// SIGTERM, checkpoints after its iteration and stops; a pending one never starts).
    /// Returns what was done, for the user.
    public static func cancel(_ run: SlurmRun, in stateDirectory: StateDirectory) throws -> String {
        let folder = try RunFolder(stateDirectory: stateDirectory, runID: run.record.id)
        guard !run.record.state.isFinished else { return "run \(run.record.id) is already \(run.record.state)" }
        try RunStatusFile(folder: folder).requestCancel()
        guard let task = run.taskJobID else { return "cancel requested for \(run.record.id); its sweep was never submitted to Slurm" }
        guard run.slurmState != nil else {
            return "cancel requested for \(run.record.id); Slurm has no task \(task) now, so none is signalled (a task started later cancels it)"
        }
        _ = try SlurmCommand.checked("scancel", [task])
        return "cancel requested for \(run.record.id): scancel \(task); the task checkpoints and stops, the run ends cancelled"
    }

    /// `squeue`'s state of each array task of `arrayJobID` it still lists, by task index.
    /// Nil when `squeue` does not answer (then nothing is known of the tasks).
    static func taskStates(_ arrayJobID: String) -> [Int: String]? {
        guard let output = try? SlurmCommand.run("squeue", ["-h", "-r", "-j", arrayJobID, "-o", "%K %T"]), output.status == 0 else { return nil }
        var states: [Int: String] = [:]
        for line in output.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let index = Int(parts[0]) { states[index] = String(parts[1]) }
        }
        return states
    }
}
