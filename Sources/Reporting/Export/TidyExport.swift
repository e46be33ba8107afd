import Foundation
/// The report's runs as plain tables for other tools (`dratsd report --export csv`):
///
/// - `tidy.csv`, one row per number: `run,sweep,sampler,seed,task,env_steps,metric,value`, with
///   every evaluation's per-task `success_rate`, `return` and `full_episode_return`, its
///   `mean_success_rate` and `worst_success_rate` (task empty), and every iteration's
///   `sampling_probability` per task. `sweep` is empty for runs outside a sweep.
/// - `scores.csv`, the runs x tasks matrix of success rates at the common final evaluation (the
///   latest environment step every run was evaluated at), one row per run (`run,sampler,seed`,
///   then one column per task): what rliable's `get_interval_estimates` takes per sampler.
///
/// Numbers are written in Swift's shortest round-trip form, so a reader gets the stored double.
public enum TidyExport {
    public static let tidyHeader = ["run", "sweep", "sampler", "seed", "task", "env_steps", "metric", "value"]

    /// `tidy.csv`.
    public static func tidyCSV(_ runs: [ReportRun]) -> String {
        var lines = [tidyHeader.joined(separator: ",")]
        for run in runs {
            func row(_ task: String, _ steps: Int, _ metric: String, _ value: Double) {
                lines.append([field(run.id), field(run.sweep ?? ""), field(run.sampler), String(run.seed), field(task), String(steps), metric, number(value)]
                    .joined(separator: ","))
            }
            for point in run.metrics.evaluations {
                row("", point.envSteps, "mean_success_rate", point.meanSuccess)
                row("", point.envSteps, "worst_success_rate", point.worstSuccess)
                for task in run.tasks {
                    if let value = point.taskSuccess[task] { row(task, point.envSteps, "success_rate", value) }
                    if let value = point.taskReturn[task] { row(task, point.envSteps, "return", value) }
                    if let value = point.taskFullEpisodeReturn[task] { row(task, point.envSteps, "full_episode_return", value) }
                }
            }
            for point in run.metrics.sampling {
                for task in run.tasks {
                    if let value = point.probabilities[task] { row(task, point.envSteps, "sampling_probability", value) }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `scores.csv` and the step it is taken at; nil (with the reason) when the runs share no
    /// evaluation step or no task.
    public static func scoresCSV(_ runs: [ReportRun]) -> (csv: String, envSteps: Int)? {
        guard let step = commonFinalStep(runs) else { return nil }
        let points = runs.map { run in run.metrics.evaluations.last { $0.envSteps == step }! }
        let tasks = (runs.first?.tasks ?? []).filter { task in points.allSatisfy { $0.taskSuccess[task] != nil } }
        guard !tasks.isEmpty else { return nil }
        var lines = [(["run", "sampler", "seed"] + tasks.map(field)).joined(separator: ",")]
        for (run, point) in zip(runs, points) {
            lines.append(([field(run.id), field(run.sampler), String(run.seed)] + tasks.map { number(point.taskSuccess[$0]!) })
                .joined(separator: ","))
        }
        return (lines.joined(separator: "\n") + "\n", step)
    }

    /// The latest environment step at which every run has an evaluation.
    static func commonFinalStep(_ runs: [ReportRun]) -> Int? {
        guard let first = runs.first else { return nil }
        var common = Set(first.metrics.evaluations.map(\.envSteps))
        for run in runs.dropFirst() { common.formIntersection(run.metrics.evaluations.map(\.envSteps)) }
        return common.max()
    }

    /// A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
