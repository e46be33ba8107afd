import FileIO
import Foundation

/// A sweep run as a Slurm job array: `<state>/sweeps/<sweep id>/`, holding `sweep.json` (the
/// manifest: the sweep, its run ids in array order, the array's job id once submitted), the
/// job script `job.sbatch` (kept so a user can read and resubmit it) and `logs/` (Slurm's
/// output files, one per array task). With each run's folder and `status.json`, this is the
/// sweep's whole record: nothing here or in the array's tasks uses the SQLite registry.
public struct SlurmSweepFolder: Sendable, Equatable {
    /// What `sweep.json` holds.
    public struct Manifest: Codable, Sendable, Equatable {
        /// The sweep (id, name, config, swept keys, run count, creation time).
        public var sweep: SweepRecord
        /// The run ids; array task i trains `runIDs[i]`.
        public var runIDs: [String]
        /// Slurm's job id of the array, once `sbatch` accepted it.
        public var arrayJobID: String?
        /// The `sbatch` options the script was written with, for `list --sweeps`.
        public var sbatchOptions: [String]

        public init(sweep: SweepRecord, runIDs: [String], arrayJobID: String?, sbatchOptions: [String]) {
            self.sweep = sweep
            self.runIDs = runIDs
            self.arrayJobID = arrayJobID
            self.sbatchOptions = sbatchOptions
        }
    }

    /// The sweep's id.
    public let sweepID: String
    /// `<state>/sweeps/<id>`.
    public let url: URL

    /// The folder of `sweepID` under `stateDirectory` (not created yet; see `create`).
    public init(stateDirectory: StateDirectory, sweepID: String) throws(DaemonError) {
        guard RunIDGenerator.isWellFormed(sweepID, kind: .sweep) else {
            throw .invalidField(field: "sweep id", value: "'\(sweepID)'", allowed: "an id like s-20261202-k3x9qa; `dratsd list --sweeps` shows them")
        }
        self.sweepID = sweepID
        url = stateDirectory.sweepsURL.appendingPathComponent(sweepID, isDirectory: true)
    }

    public var manifestPath: String { url.appendingPathComponent("sweep.json").path }
    public var scriptPath: String { url.appendingPathComponent("job.sbatch").path }
    public var logsPath: String { url.appendingPathComponent("logs").path }

    /// Creates the folder and `logs/`; refused when the folder exists (another sweep has the id).
    public func create() throws(DaemonError) {
        try DaemonError.mapping { () throws(FileIOError) in
            try FileDescriptorIO.makeDirectory(url.deletingLastPathComponent().path, mode: 0o750)
        }
        guard mkdir(url.path, 0o750) == 0 else {
            throw .io(path: url.path, operation: "mkdir (a new sweep folder)", errno: errno)
        }
        try DaemonError.mapping { () throws(FileIOError) in try FileDescriptorIO.makeDirectory(logsPath, mode: 0o750) }
    }

    public func readManifest() throws(DaemonError) -> Manifest {
        guard let manifest = try JSONRecordFile.read(Manifest.self, from: manifestPath, what: "a sweep manifest") else {
            throw .unknownSweep(query: sweepID)
        }
        guard manifest.sweep.id == sweepID, manifest.runIDs.allSatisfy({ RunIDGenerator.isWellFormed($0) }) else {
            throw .invalidField(field: manifestPath, value: "another sweep's manifest or a malformed run id",
                                allowed: "the sweep.json dratsd wrote for \(sweepID)")
        }
        return manifest
    }

    public func writeManifest(_ manifest: Manifest) throws(DaemonError) {
        try JSONRecordFile.write(manifest, to: manifestPath)
    }

    /// Every Slurm sweep under `stateDirectory` with a readable manifest, oldest first.
    public static func all(in stateDirectory: StateDirectory) -> [Manifest] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: stateDirectory.sweepsURL.path)) ?? []
        return names.compactMap { name in
            guard let folder = try? SlurmSweepFolder(stateDirectory: stateDirectory, sweepID: name) else { return nil }
            return try? folder.readManifest()
        }.sorted { ($0.sweep.createdAt, $0.sweep.id) < ($1.sweep.createdAt, $1.sweep.id) }
    }
}
