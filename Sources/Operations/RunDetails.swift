import Daemon
import Foundation
import RunConfiguration

/// What `dratsd show` reports: the registry row and, when the run folder has metrics, the
/// latest per-task success, return and sampling probability.
public struct RunDetails: Codable, Sendable, Equatable {
    /// The run's registry row.
    public var run: RunRecord
    /// The run's folder.
    public var folder: String
    /// Latest per-task figures (empty before the first iteration is logged).
    public var tasks: [TaskReport]
    /// Lines of `metrics.jsonl` that could not be read as JSON objects.
    public var unreadableMetricLines: Int

    /// Gathers the details of `record` from its folder under `stateDirectory`.
    public static func gather(_ record: RunRecord, stateDirectory: StateDirectory) throws(DaemonError) -> RunDetails {
        let folder = try RunFolder(stateDirectory: stateDirectory, runID: record.id)
        // The stored config was validated at submit; its task order is the display order.
        let taskOrder = (try? RunConfig.load(yaml: record.configText))?.env.tasks ?? []
        let metrics = try MetricsSummary.read(path: folder.metricsPath, taskOrder: taskOrder)
        return RunDetails(run: record, folder: folder.url.path, tasks: metrics.tasks, unreadableMetricLines: metrics.unreadableLines)
    }
}
