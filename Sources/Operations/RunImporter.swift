import Daemon
import FileIO
import Foundation
import RunConfiguration
import Samplers

/// `import`: takes a run folder from another state directory (another machine, an archive, a
/// cluster node) into this one under its own id and queues it, so a service resumes it from its
/// newest checkpoint as if it had trained here. What is copied: `config.yaml`, `metrics.jsonl`,
/// `train.log`, `checkpoints/*.safetensors` and the TensorBoard event files; the source folder is
/// left as it is.
public enum RunImporter {
    /// Checks the folder (its name a run id not used here, its config exactly as dratsd resolved
    /// it and trainable by this build within `memoryLimit`), copies it into the state directory,
    /// and queues it. Nothing is queued when a check or a copy fails, and a half-copied folder is
    /// removed again.
    public static func importRun(folder: String, store: RunStore, stateDirectory: StateDirectory,
                                 trainability: RunSubmitter.Trainability, memoryLimit: MemoryLimit) throws -> (record: RunRecord, config: RunConfig) {
        let source = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let id = (source as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DaemonError.invalidField(field: "run folder", value: folder, allowed: "a directory holding config.yaml (a run folder)")
        }
        guard RunIDGenerator.isWellFormed(id) else {
            throw DaemonError.invalidField(field: "run folder name", value: "'\(id)'",
                                           allowed: "a run id like r-20261125-k3x9qa, which becomes the run's id here")
        }
        let configPath = source + "/config.yaml"
        guard let bytes = try DaemonError.mapping({ () throws(FileIOError) in try FileContents.read(configPath) }) else {
            throw DaemonError.io(path: configPath, operation: "open", errno: ENOENT)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let config = try RunConfig.load(yaml: text, file: configPath)
        let problems = trainability(config)
        if !problems.isEmpty { throw RunConfigError.invalid(file: configPath, problems: problems) }
        try config.checkMemory(limit: memoryLimit, file: configPath)
        guard try config.resolvedYAML() == text else {
            throw DaemonError.invalidField(field: "config.yaml", value: configPath,
                                           allowed: "the resolved config dratsd wrote for the run; this one was edited, so its checkpoints "
                                               + "may not match it (submit the edited config as a new run instead)")
        }

        let target = try RunFolder(stateDirectory: stateDirectory, runID: id)
        guard !FileManager.default.fileExists(atPath: target.url.path) else {
            throw DaemonError.invalidField(field: "run id", value: id, allowed: "an id with no run folder here yet; \(target.url.path) exists")
        }
        let checkpoints = try checkpointsToImport(source: source)
        do {
            try target.create(configText: text)
            try copy(source + "/metrics.jsonl", to: target.metricsPath)
            try copy(source + "/train.log", to: target.trainLogPath)
            let catalog = CheckpointCatalog(folder: target)
            for entry in checkpoints { try copy(entry.path, to: catalog.path(forEnvSteps: entry.envSteps)) }
            let events = source + "/tensorboard"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: events))?.sorted() ?? [] {
                let directory = try target.tensorBoardDirectory(named: name)
                for file in try FileManager.default.contentsOfDirectory(atPath: events + "/" + name).sorted() {
                    try copy(events + "/" + name + "/" + file, to: directory + "/" + file)
                }
            }
            let submission = RunSubmission(name: config.run.name, configText: text, samplerName: config.sampler.kind.rawValue,
                                           seed: config.run.seed, totalEnvSteps: Int64(config.run.totalEnvSteps))
            let record = try store.submitImported(submission, id: id, envSteps: checkpoints.map(\.envSteps).max() ?? 0)
            return (record, config)
        } catch {
            try? FileManager.default.removeItem(atPath: target.url.path)
            throw error
        }
    }

    /// The folder's checkpoints, from `checkpoints/` as a run folder keeps them. A folder without
    /// that subfolder is a run that never checkpointed, unless checkpoint files lie beside
    /// `config.yaml`: that is a hand-made copy, refused with the layout it should have, so that a
    /// run never silently restarts from step 0.
    private static func checkpointsToImport(source: String) throws(DaemonError) -> [CheckpointEntry] {
        let subfolder = source + "/checkpoints"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: subfolder, isDirectory: &isDirectory), isDirectory.boolValue {
            return try CheckpointCatalog(directoryPath: subfolder).entries()
        }
        let stray = try CheckpointCatalog(directoryPath: source).entries()
        if let first = stray.first {
            throw .invalidField(field: "checkpoint", value: first.path,
                                allowed: "checkpoints inside the run folder's checkpoints/ subfolder (\(subfolder)/), as dratsd writes them; "
                                    + "move the step-*.safetensors files there and import again")
        }
        return []
    }

    /// Copies one file atomically when it exists (a run that never started has no logs).
    private static func copy(_ source: String, to destination: String) throws(DaemonError) {
        try DaemonError.mapping { () throws(FileIOError) in
            guard let bytes = try FileContents.read(source) else { return }
            try AtomicFile.write(bytes, to: destination, permissions: 0o640)
        }
    }
}
