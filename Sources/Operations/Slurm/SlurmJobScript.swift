import Foundation

/// The job-array script of a Slurm sweep (`job.sbatch` in its folder): array task i runs
/// `dratsd train --run-folder` on the sweep's i-th run folder, through `exec`, so the batch
/// shell's signals (`--signal=B:USR1`, preemption's SIGTERM) reach dratsd itself.
public enum SlurmJobScript {
    /// The script's text.
    public static func render(sweepID: String, runFolders: [String], options: SlurmOptions, logsPath: String,
                              scriptPath: String, dratsdPath: String) -> String {
        var lines = ["#!/bin/bash",
                     "# drats sweep \(sweepID): \(runFolders.count) run\(runFolders.count == 1 ? "" : "s"), one per array task.",
                     "# Written by `dratsd sweep --backend slurm`; resubmit with: sbatch \(quoted(scriptPath))"]
        lines += options.directives(runCount: runFolders.count, jobName: "drats-\(sweepID)", logsPath: logsPath).map { "#SBATCH \($0)" }
        lines += [
            "set -euo pipefail",
            "folders=(",
        ] + runFolders.map { "  " + quoted($0) } + [
            ")",
            "folder=${folders[$SLURM_ARRAY_TASK_ID]}",
            "echo \"drats: array task $SLURM_ARRAY_TASK_ID (job ${SLURM_JOB_ID}, restart ${SLURM_RESTART_COUNT:-0}) on $(hostname): $folder\"",
            // exec: dratsd becomes the batch shell, so USR1 and SIGTERM are delivered to it.
            "exec \(quoted(dratsdPath)) train --run-folder \"$folder\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as one single-quoted shell word.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
