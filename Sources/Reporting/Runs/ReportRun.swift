import Daemon
import Foundation
import RunConfiguration

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
        let lines: [String]
        do throws(DaemonError) {
            let folder = try RunFolder(stateDirectory: stateDirectory, runID: record.id)
            lines = try LineReader.completeLines(path: folder.metricsPath).lines
        } catch {
            if case .io(_, _, let code) = error, code == ENOENT {
                lines = []
            } else {
                throw .unreadableRun(runID: record.id, reason: "\(error)")
            }
        }
        let metrics = RunMetrics.parse(lines: lines)
        let tasks = config.env.tasks + metrics.taskNames.filter { !config.env.tasks.contains($0) }
        return ReportRun(id: record.id, name: record.name, sampler: record.samplerName, seed: record.seed,
                         totalEnvSteps: Int(record.totalEnvSteps), tasks: tasks, suite: config.env.suite.rawValue,
                         evaluationEpisodesPerTask: config.evaluation.episodesPerTask, metrics: metrics)
    }
}
