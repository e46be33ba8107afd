#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Daemon
import Foundation
import Operations
import RunConfiguration

/// `dratsd train --run-folder PATH`: what one task of a Slurm sweep's array runs. The run's
/// record is its folder's `status.json` (`FolderRunLedger`), never the SQLite registry.
///
/// Signals, as a job array meets them:
/// - USR1 (`--signal=B:USR1@N`, the time limit is near): checkpoint after the current
///   iteration, then `scontrol requeue $SLURM_JOB_ID`, so the task starts again and resumes. A
///   task must not exit 0 here without requeueing: during a preemption grace period Slurm would
///   end it COMPLETED and never requeue it.
/// - SIGTERM (preemption, `scancel`, node drain): checkpoint and exit; a preempted task is
///   requeued by Slurm, a `dratsd cancel` (which writes the folder's cancel request first)
///   ends the run cancelled.
/// A task killed outright (kill -9, a node failure) leaves the record running; the next task of
/// that index (after a requeue) takes it over and resumes from the newest checkpoint.
public enum SlurmTaskTraining {
    /// Exit status of a task that stopped to be requeued (checkpoint written).
    public static let requeuedExitStatus: Int32 = 75

    /// Trains the run in `folderPath` (`<state>/runs/<id>`); returns the process exit status.
    public static func run(folderPath: String, memoryLimit: MemoryLimit, environment: [String: String] = ProcessInfo.processInfo.environment,
                           terminal: TerminalProgress = TerminalProgress()) throws -> Int32 {
        // Signals first: USR1's default action ends the process, and one may come at any time.
        let stop = StopSignal()
        let signals = SignalStop(stop, reason: .shutdown, signals: [SIGINT, SIGTERM, SIGUSR1], onSignal: { number in
            let name = number == SIGUSR1 ? "USR1 (time limit near)" : number == SIGTERM ? "SIGTERM" : "SIGINT"
            terminal.print("\(name): checkpointing after the current iteration", toStandardError: true)
        }, onRepeat: { number in
            // Slurm sends SIGTERM again when a preemption's grace time ends, then SIGKILL after
            // KillWait: those seconds still serve the checkpoint, so only Ctrl-C escalates.
            if number == SIGINT { SignalStop.exitAtOnce(number) }
        })
        defer { signals.cancel() }

        let url = URL(fileURLWithPath: folderPath).standardizedFileURL
        let runID = url.lastPathComponent
        guard url.deletingLastPathComponent().lastPathComponent == "runs", RunIDGenerator.isWellFormed(runID) else {
            throw DaemonError.invalidField(field: "--run-folder", value: folderPath,
                                           allowed: "a run folder <state>/runs/<run id> written by `dratsd sweep --backend slurm`")
        }
        let stateDirectory = StateDirectory(url: url.deletingLastPathComponent().deletingLastPathComponent())
        let folder = try RunFolder(stateDirectory: stateDirectory, runID: runID)
        let ledger = FolderRunLedger(folder: folder)
        let job = environment["SLURM_JOB_ID"]
        let owner = RunOwner.slurmTask(jobID: job ?? "none", restartCount: environment["SLURM_RESTART_COUNT"] ?? "0")
        let (record, claimed) = try ledger.claim(owner: owner, isAlive: { previous in
            // The previous owner's job is alive while squeue still lists it.
            guard let previousJob = previous.slurmJobID, previousJob != "none",
                  let output = try? SlurmCommand.run("squeue", ["-h", "-j", previousJob, "-o", "%T"]), output.status == 0 else { return false }
            return !output.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        })
        guard claimed else {
            terminal.print("run \(runID) is \(record.state); nothing to train")
            return record.state == .failed ? 1 : 0
        }
        terminal.print("run \(runID) (\(PrintableText.escaped(record.name)), \(record.samplerName), seed \(record.seed)): attempt \(record.attemptCount), "
            + "from \(record.envSteps) of \(record.totalEnvSteps) env steps, Slurm job \(job ?? "none")")

        var executor = RunExecutor(stateDirectory: stateDirectory, ledger: ledger, owner: owner, memoryLimit: memoryLimit)
        // One environment thread per CPU Slurm gave the task (unless the config sets its own).
        executor.defaultEnvironmentThreads = environment["SLURM_CPUS_PER_TASK"].flatMap(Int.init).map { max(1, $0) } ?? 1
        var outcome = executor.execute(runID: runID, stop: stop, progress: terminal.show)
        // `dratsd cancel` writes its request, then scancel's SIGTERM may abandon the iteration
        // under way before a progress report sees the request.
        if case .requeued = outcome, (try? ledger.cancelIfRequested())?.state == .cancelled { outcome = .cancelled }
        let steps = (try? ledger.currentRecord(of: runID).envSteps).map(String.init) ?? "?"
        switch outcome {
        case .completed:
            terminal.print("completed: \(steps) env steps")
            return 0
        case .cancelled:
            terminal.print("cancelled after \(steps) env steps")
            return 0
        case .requeued where signals.receivedSignal == SIGUSR1:
            guard let job else {
                terminal.print("checkpointed at \(steps) env steps; not in a Slurm job, so nothing to requeue", toStandardError: true)
                return requeuedExitStatus
            }
            do {
                _ = try SlurmCommand.checked("scontrol", ["requeue", job])
                terminal.print("checkpointed at \(steps) env steps and requeued job \(job); it resumes from the checkpoint")
            } catch {
                terminal.print("checkpointed at \(steps) env steps, but the requeue failed: \(error). "
                    + "Resubmit this run's index (sbatch --array=\(environment["SLURM_ARRAY_TASK_ID"] ?? "<index>") job.sbatch in the sweep's folder); "
                    + "it resumes from its checkpoint.", toStandardError: true)
            }
            return requeuedExitStatus
        case .requeued:
            terminal.print("checkpointed at \(steps) env steps; Slurm requeues a preempted task, which resumes from the checkpoint")
            return requeuedExitStatus
        case .paused(let reason):
            terminal.print("paused: \(reason)", toStandardError: true)
            return 1
        case .failed(let reason):
            terminal.print("failed: \(reason)", toStandardError: true)
            return 1
        }
    }
}
