import Daemon
import FileIO
import Foundation
import RunConfiguration
import Samplers

/// One run as a report sees it: who it is (sampler, seed, budget, tasks) and its metrics.
public struct ReportRun: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The sampler name runs are grouped by (`uniform`, `drats`, ...).
    public var sampler: String
    public var seed: UInt64
    public var totalEnvSteps: Int
    /// Task names in the config's order.
    public var tasks: [String]
    /// The config's `env.suite` (`mt10`, `gridworld`), nil when not known.
    public var suite: String?
    /// How many evaluation episodes each task got per evaluation.
    public var evaluationEpisodesPerTask: Int?
    public var metrics: RunMetrics
    /// The sweep the run belongs to (`dratsd sweep`), nil for a run submitted on its own.
    public var sweep: String?

    public init(id: String, name: String, sampler: String, seed: UInt64, totalEnvSteps: Int, tasks: [String],
                suite: String? = nil, evaluationEpisodesPerTask: Int? = nil, metrics: RunMetrics) {
        self.id = id
        self.name = name
        self.sampler = sampler
        self.seed = seed
        self.totalEnvSteps = totalEnvSteps
        self.tasks = tasks
        self.suite = suite
        self.evaluationEpisodesPerTask = evaluationEpisodesPerTask
        self.metrics = metrics
    }

    /// Reads `record`'s run folder under `stateDirectory`: the stored config (tasks, episodes)
    /// and `metrics.jsonl` (complete lines only). A run that has not started has no metrics.
    public static func load(_ record: RunRecord, stateDirectory: StateDirectory) throws(ReportingError) -> ReportRun {
        let config: RunConfig
        do {
            config = try RunConfig.load(yaml: record.configText, file: "config of \(record.id)", defaultName: record.name)
        } catch {
            throw .unreadableRun(runID: record.id, reason: "its stored config does not load: \(error)")
        }
        let metricsPath: String
        do throws(DaemonError) {
            metricsPath = try RunFolder(stateDirectory: stateDirectory, runID: record.id).metricsPath
        } catch {
            throw .unreadableRun(runID: record.id, reason: "\(error)")
        }
        var run = make(id: record.id, name: record.name, sampler: record.samplerName, seed: record.seed,
                       totalEnvSteps: Int(record.totalEnvSteps), config: config,
                       metrics: try readMetrics(path: metricsPath, runID: record.id))
        run.sweep = record.sweepID
        return run
    }

    /// Reads a run folder outside any state directory (one copied off a cluster node, or an
    /// archived result): its `config.yaml` says who the run is (name, sampler, seed, budget) and
    /// `metrics.jsonl` what it measured. The folder's name is the run's id in the report.
    public static func load(folder: String) throws(ReportingError) -> ReportRun {
        let trimmed = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let id = (trimmed as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: trimmed, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadableRun(runID: folder, reason: "it is not a directory; name a run folder holding config.yaml and metrics.jsonl")
        }
        let configPath = trimmed + "/config.yaml"
        let config: RunConfig
        do {
            config = try RunConfig.load(file: configPath)
        } catch {
            throw .unreadableRun(runID: id, reason: "\(configPath) does not load: \(error)")
        }
        return try make(id: id, name: config.run.name, sampler: config.sampler.kind.rawValue, seed: config.run.seed,
                        totalEnvSteps: config.run.totalEnvSteps, config: config,
                        metrics: readMetrics(path: trimmed + "/metrics.jsonl", runID: id))
    }

    /// The complete lines of a metrics file; none when the run has not written one yet.
    private static func readMetrics(path: String, runID: String) throws(ReportingError) -> RunMetrics {
        do throws(DaemonError) {
            return RunMetrics.parse(lines: try DaemonError.mapping { () throws(FileIOError) in try LineReader.completeLines(path: path).lines })
        } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return RunMetrics.parse(lines: []) }
            throw .unreadableRun(runID: runID, reason: "\(error)")
        }
    }

    private static func make(id: String, name: String, sampler: String, seed: UInt64, totalEnvSteps: Int,
                             config: RunConfig, metrics: RunMetrics) -> ReportRun {
        let tasks = config.env.tasks + metrics.taskNames.filter { !config.env.tasks.contains($0) }
        return ReportRun(id: id, name: name, sampler: sampler, seed: seed, totalEnvSteps: totalEnvSteps, tasks: tasks,
                         suite: config.env.suite.rawValue, evaluationEpisodesPerTask: config.evaluation.episodesPerTask,
                         metrics: metrics)
    }
}
