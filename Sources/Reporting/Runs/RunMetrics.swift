import Foundation
import JSONLines

/// One evaluation of a run: deterministic-policy success and return per task.
public struct EvaluationPoint: Sendable, Equatable {
    public var iteration: Int
    public var envSteps: Int
    /// `eval/mean_success_rate`, or the mean of the task rates when the line lacks it.
    public var meanSuccess: Double
    /// `eval/worst_success_rate`, or the lowest task rate when the line lacks it.
    public var worstSuccess: Double
    /// `eval/<task>/success_rate`.
    public var taskSuccess: [String: Double]
    /// `eval/<task>/return`: the return up to the first success, where the evaluation episode
    /// ends, so a task solved early collects less of it than one never solved. Not progress.
    public var taskReturn: [String: Double]
    /// `eval/<task>/full_episode_return`: the return of the same deterministic episode played
    /// on to its full length (success still counted at the first success), comparable between
    /// a run that solves the task and one that does not. Empty for runs evaluated before the
    /// trainer recorded it.
    public var taskFullEpisodeReturn: [String: Double] = [:]
}

/// The task-sampling distribution after one training iteration.
public struct SamplingPoint: Sendable, Equatable {
    public var iteration: Int
    public var envSteps: Int
    /// `sampler/<task>/probability`.
    public var probabilities: [String: Double]
}

/// What a report needs from a run's `metrics.jsonl`: its evaluations and sampling
/// probabilities, in step order. When several lines have the same kind and iteration (a
/// resumed run whose file was not cut back), the last one wins.
public struct RunMetrics: Sendable, Equatable {
    public var evaluations: [EvaluationPoint]
    public var sampling: [SamplingPoint]
    /// Complete lines that were not JSON objects with a kind, iteration and env_steps.
    public var unreadableLines: Int

    /// Task names in the order their keys first appear.
    public var taskNames: [String] {
        var seen: [String] = []
        for point in evaluations {
            for task in point.taskSuccess.keys.sorted() where !seen.contains(task) { seen.append(task) }
        }
        return seen
    }

    public static func parse(lines: [String]) -> RunMetrics {
        var evaluations: [Int: EvaluationPoint] = [:]
        var sampling: [Int: SamplingPoint] = [:]
        var unreadable = 0
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let record = MetricsRecord(line: line), let kind = record.kind, let iteration = record.iteration,
                  let steps = record.envSteps else {
                unreadable += 1
                continue
            }
            let numbers = record.numbers
            switch kind {
            case "evaluation":
                let success = perTask(numbers, prefix: "eval/", suffix: "/success_rate")
                let returns = perTask(numbers, prefix: "eval/", suffix: "/return")
                let fullEpisodeReturns = perTask(numbers, prefix: "eval/", suffix: "/full_episode_return")
                guard let mean = numbers["eval/mean_success_rate"] ?? (success.isEmpty ? nil : success.values.reduce(0, +) / Double(success.count)),
                      let worst = numbers["eval/worst_success_rate"] ?? success.values.min() else {
                    unreadable += 1
                    continue
                }
                evaluations[iteration] = EvaluationPoint(iteration: iteration, envSteps: steps, meanSuccess: mean,
                                                         worstSuccess: worst, taskSuccess: success, taskReturn: returns,
                                                         taskFullEpisodeReturn: fullEpisodeReturns)
            case "iteration":
                let probabilities = perTask(numbers, prefix: "sampler/", suffix: "/probability")
                if !probabilities.isEmpty {
                    sampling[iteration] = SamplingPoint(iteration: iteration, envSteps: steps, probabilities: probabilities)
                }
            default:
                continue
            }
        }
        return RunMetrics(evaluations: evaluations.values.sorted { $0.iteration < $1.iteration },
                          sampling: sampling.values.sorted { $0.iteration < $1.iteration },
                          unreadableLines: unreadable)
    }

    private static func perTask(_ numbers: [String: Double], prefix: String, suffix: String) -> [String: Double] {
        var result: [String: Double] = [:]
        for (key, value) in numbers where key.hasPrefix(prefix) && key.hasSuffix(suffix) && key.count > prefix.count + suffix.count {
            let task = String(key.dropFirst(prefix.count).dropLast(suffix.count))
            if !task.contains("/") { result[task] = value }
        }
        return result
    }
}
