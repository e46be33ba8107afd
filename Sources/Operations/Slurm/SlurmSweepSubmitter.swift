#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Daemon
import FileIO
import Foundation
import RunConfiguration

/// `sweep --backend slurm`: the sweep's runs as pre-created run folders (config.yaml and a
/// queued status.json each), the sweep's folder with its manifest and job-array script, and
/// the array submitted with `sbatch`. Nothing is written to the SQLite registry.
public enum SlurmSweepSubmitter {
    /// Why a Slurm sweep could not be set up or submitted.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Creates the folders and the script for `planned` (already checked by
    /// `SweepSubmitter.plan`) and submits the array unless `submit` is false. `dratsdPath` is
    /// the binary the array tasks run; like the state directory it must be at the same path on
    /// every node. Returns the manifest (with the array's job id when submitted) and the folder.
    public static func create(_ planned: [SweepSubmitter.PlannedRun], name: String?, configPath: String, axes: [SweepAxis],
                              stateDirectory: StateDirectory, options: SlurmOptions, dratsdPath: String,
                              submit: Bool = true, at now: Date = Date()) throws -> (manifest: SlurmSweepFolder.Manifest, folder: SlurmSweepFolder) {
        let problems = options.problems()
        guard problems.isEmpty else { throw Failure(description: problems.joined(separator: "; ")) }
        guard !planned.isEmpty else { throw Failure(description: "the sweep has no runs") }
        // #SBATCH lines cannot quote: a path with whitespace or '%' (Slurm's pattern sign) would be cut.
        if stateDirectory.url.path.contains(where: { $0.isWhitespace || $0 == "%" }) {
            throw Failure(description: "the state directory \(stateDirectory.url.path) has whitespace or '%' in its path, which #SBATCH --output "
                + "cannot hold; use a state directory (on the filesystem the nodes share) whose path has neither")
        }
        if submit {
            // Asked before anything is written: a cluster that does not answer, or an array
            // larger than it takes, leaves no folders behind.
            let config: String
            do { config = try SlurmCommand.checked("scontrol", ["show", "config"]) } catch {
                throw Failure(description: "no Slurm controller answers, so the sweep was not created: \(error)")
            }
            if let line = config.split(separator: "\n").first(where: { $0.hasPrefix("MaxArraySize") }),
               let limit = Int(line.split(separator: "=").last?.trimmingCharacters(in: .whitespaces) ?? ""), planned.count > limit - 1 {
                throw Failure(description: "the sweep has \(planned.count) runs, but this cluster's arrays hold at most \(limit - 1) tasks "
                    + "(MaxArraySize = \(limit)); split the sweep, e.g. by run.seed ranges")
            }
        }
        var generator = RunIDGenerator()
        let folder = try makeSweepFolder(stateDirectory: stateDirectory, generator: &generator, at: now)
        var runIDs: [String] = []
        for (index, run) in planned.enumerated() {
            var submission = try RunSubmitter.submission(run.config)
            submission.sweepID = folder.sweepID
            let runFolder = try makeRunFolder(stateDirectory: stateDirectory, generator: &generator, at: now)
            try runFolder.create(configText: submission.configText)
            let record = RunRecord.queued(id: runFolder.runID, submission, at: now.addingTimeInterval(Double(index) * 1e-6))
            try RunStatusFile(folder: runFolder).write(record)
            runIDs.append(runFolder.runID)
        }
        let sweep = SweepRecord(id: folder.sweepID, name: name ?? planned[0].config.run.name, configPath: configPath,
                                axesText: axes.map(\.argument).joined(separator: "\n"), runCount: planned.count, createdAt: now)
        var manifest = SlurmSweepFolder.Manifest(sweep: sweep, runIDs: runIDs, arrayJobID: nil,
                                                 sbatchOptions: options.directives(runCount: runIDs.count, jobName: "drats-\(folder.sweepID)",
                                                                                   logsPath: folder.logsPath))
        try folder.writeManifest(manifest)
        let runFolders = try runIDs.map { try RunFolder(stateDirectory: stateDirectory, runID: $0).url.path }
        let script = SlurmJobScript.render(sweepID: folder.sweepID, runFolders: runFolders, options: options,
                                           logsPath: folder.logsPath, scriptPath: folder.scriptPath, dratsdPath: dratsdPath)
        try DaemonError.mapping { () throws(FileIOError) in try AtomicFile.write(text: script, to: folder.scriptPath, permissions: 0o750) }
        guard submit else { return (manifest, folder) }
        let output: String
        do {
            output = try SlurmCommand.checked("sbatch", ["--parsable", folder.scriptPath])
        } catch {
            throw Failure(description: "\(error)\nThe sweep's folders and script are kept in \(folder.url.path); submit it later with "
                + "`sbatch --parsable \(folder.scriptPath)` and record nothing else: the runs read their state from their folders.")
        }
        // --parsable prints "jobid" or "jobid;cluster".
        let jobID = String(output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first ?? "")
        guard !jobID.isEmpty, jobID.allSatisfy(\.isNumber) else {
            throw Failure(description: "sbatch printed '\(output)' instead of a job id; the array may or may not be queued (`squeue --me`)")
        }
        manifest.arrayJobID = jobID
        try folder.writeManifest(manifest)
        return (manifest, folder)
    }

    private static func makeSweepFolder(stateDirectory: StateDirectory, generator: inout RunIDGenerator, at now: Date) throws -> SlurmSweepFolder {
        for _ in 0..<100 {
            let folder = try SlurmSweepFolder(stateDirectory: stateDirectory, sweepID: generator.next(at: now, kind: .sweep))
            do {
                try folder.create()
                return folder
            } catch {
                guard case .io(_, _, let code) = error, code == EEXIST else { throw error }
            }
        }
        throw Failure(description: "no free sweep id in \(stateDirectory.sweepsURL.path) after 100 draws")
    }

    /// A new, empty run folder under a fresh id: the folder's creation (mkdir fails on an
    /// existing one) is what makes the id unique without a database.
    private static func makeRunFolder(stateDirectory: StateDirectory, generator: inout RunIDGenerator, at now: Date) throws -> RunFolder {
        try DaemonError.mapping { () throws(FileIOError) in try FileDescriptorIO.makeDirectory(stateDirectory.runsURL.path, mode: 0o750) }
        for _ in 0..<100 {
            let folder = try RunFolder(stateDirectory: stateDirectory, runID: generator.next(at: now, kind: .run))
            if mkdir(folder.url.path, 0o750) == 0 { return folder }
            guard errno == EEXIST else { throw DaemonError.io(path: folder.url.path, operation: "mkdir (a new run folder)", errno: errno) }
        }
        throw Failure(description: "no free run id in \(stateDirectory.runsURL.path) after 100 draws")
    }
}
