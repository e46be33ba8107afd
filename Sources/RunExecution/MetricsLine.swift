import Foundation
import Trainer
import JSONLines
import TensorBoardEvents

/// The lines of `metrics.jsonl`: one JSON object per iteration and one per evaluation, keys in
/// a fixed order, numbers as JSON numbers. A value that is not finite (e.g. the explained
/// variance of constant returns) is written as `null`, since JSON has no NaN.
///
/// - iteration: `kind`, `iteration`, `env_steps`, `wall_seconds`, `steps_per_second`, then
///   every `IterationMetrics` key in its order.
/// - evaluation: `kind`, `iteration`, `env_steps`, `wall_seconds`, `eval/mean_success_rate`,
///   `eval/worst_success_rate`, then `eval/<task>/success_rate`, `eval/<task>/return` and
///   `eval/<task>/full_episode_return`.
///
/// docs/run-folder.md, 'metrics.jsonl', says what each key means.
public enum MetricsLine {
    /// One line's content before it is rendered: the header fields and the metric values in
    /// order. The same record gives the JSON line and the TensorBoard scalars, so the two files
    /// cannot disagree on a key or a value.
    public struct Record: Sendable {
        public var kind: String
        public var iteration: Int
        public var envSteps: Int
        public var wallSeconds: Double
        /// Metric keys and values after the header, in the line's order.
        public var values: [(key: String, value: Double)]

        /// The `metrics.jsonl` line.
        public var jsonLine: String {
            var fields = [pair("kind", JSONText.quoted(kind)), pair("iteration", String(iteration)),
                          pair("env_steps", String(envSteps)), pair("wall_seconds", number(wallSeconds))]
            for entry in values { fields.append(pair(entry.key, number(entry.value))) }
            return "{" + fields.joined(separator: ",") + "}"
        }

        /// The values as TensorBoard scalars (simple_value is a 32-bit float), at step
        /// `envSteps`. Values that are not finite are left out, as the JSON line writes them
        /// as `null`; so is the header, which TensorBoard's own step and wall time carry.
        public var tensorBoardScalars: [Event.Scalar] {
            values.filter { $0.value.isFinite }.map { Event.Scalar(tag: $0.key, value: Float($0.value)) }
        }
    }

    /// The record of one iteration.
    public static func iterationRecord(_ metrics: IterationMetrics, wallSeconds: Double, stepsPerSecond: Double) -> Record {
        Record(kind: "iteration", iteration: metrics.iteration, envSteps: metrics.globalStep, wallSeconds: wallSeconds,
               values: [("steps_per_second", stepsPerSecond)] + metrics.entries.map { ($0.key, $0.value) })
    }

    /// The record of one evaluation, taken after iteration `iteration` at `envSteps`.
    public static func evaluationRecord(_ result: EvaluationResult, taskNames: [String], iteration: Int, envSteps: Int,
                                        wallSeconds: Double) -> Record {
        Record(kind: "evaluation", iteration: iteration, envSteps: envSteps, wallSeconds: wallSeconds,
               values: [("eval/mean_success_rate", meanSuccessRate(result)), ("eval/worst_success_rate", result.worstSuccessRate)]
                   + result.metricEntries(taskNames: taskNames).map { ($0.key, $0.value) })
    }

    /// The line of one iteration.
    public static func iteration(_ metrics: IterationMetrics, wallSeconds: Double, stepsPerSecond: Double) -> String {
        iterationRecord(metrics, wallSeconds: wallSeconds, stepsPerSecond: stepsPerSecond).jsonLine
    }

    /// The line of one evaluation, taken after iteration `iteration` at `envSteps`.
    public static func evaluation(_ result: EvaluationResult, taskNames: [String], iteration: Int, envSteps: Int, wallSeconds: Double) -> String {
        evaluationRecord(result, taskNames: taskNames, iteration: iteration, envSteps: envSteps, wallSeconds: wallSeconds).jsonLine
    }

    /// The mean of the tasks' success rates (0 for no tasks).
    public static func meanSuccessRate(_ result: EvaluationResult) -> Double {
        result.successRate.isEmpty ? 0 : result.successRate.reduce(0, +) / Double(result.successRate.count)
    }

    /// The `kind` and `iteration` of a metrics line, or nil when it is not a JSON object with them.
    public static func kindAndIteration(of line: String) -> (kind: String, iteration: Int)? {
        guard let record = MetricsRecord(line: line), let kind = record.kind, let iteration = record.iteration else { return nil }
        return (kind, iteration)
    }

    private static func pair(_ key: String, _ value: String) -> String { JSONText.quoted(key) + ":" + value }

    /// A JSON number; Swift's shortest round-trip form ("0.1", "1e-05") is valid JSON.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension MetricsLine {
    /// Iteration, mean and worst success of an evaluation line, nil for other lines.
    static func evaluationSummary(of line: String) -> TrainLogLine.LatestEvaluation? {
        guard let record = MetricsRecord(line: line), record.kind == "evaluation", let iteration = record.iteration,
              let mean = record.numbers["eval/mean_success_rate"], let worst = record.numbers["eval/worst_success_rate"] else { return nil }
        return TrainLogLine.LatestEvaluation(iteration: iteration, meanSuccessRate: mean, worstSuccessRate: worst)
    }
}
