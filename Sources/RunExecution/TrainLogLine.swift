import Foundation
import Trainer

/// The human lines of `train.log`. Iteration lines start with `iter N/M` (that prefix is how a
/// resume finds where to cut the log); every other line is an event (`start`, `resume`,
/// `warning`, `fault`, `shutdown`, the final state; docs/run-folder.md, 'train.log').
public enum TrainLogLine {
    /// The latest evaluation, for the iteration lines in between.
    public struct LatestEvaluation: Sendable, Equatable {
        public var iteration: Int
        public var meanSuccessRate: Double
        public var worstSuccessRate: Double
    }

    /// `iter 3/40 | steps 3000/20000 | 812 steps/s | train success 0.10 return 55.2 | eval mean 0.20 worst 0.00 (iter 2) | q reach-v3 0.10 push-v3 0.90`
    public static func iteration(_ metrics: IterationMetrics, iterationCount: Int, totalEnvSteps: Int, stepsPerSecond: Double,
                                 taskNames: [String], latestEvaluation: LatestEvaluation?) -> String {
        var parts = [
            "iter \(metrics.iteration)/\(iterationCount)",
            "steps \(metrics.globalStep)/\(totalEnvSteps)",
            "\(Int(stepsPerSecond.isFinite ? stepsPerSecond.rounded() : 0)) steps/s",
            "train success " + fixed(metrics["charts/success_rate"] ?? 0, 2) + " return " + fixed(metrics["charts/episodic_return"] ?? 0, 1),
        ]
        if let latestEvaluation {
            parts.append("eval mean \(fixed(latestEvaluation.meanSuccessRate, 2)) worst \(fixed(latestEvaluation.worstSuccessRate, 2)) (iter \(latestEvaluation.iteration))")
        } else {
            parts.append("eval none yet")
        }
        let probabilities = taskNames.map { name in "\(name) " + fixed(metrics["sampler/\(name)/probability"] ?? .nan, 3) }
        parts.append("q " + probabilities.joined(separator: " "))
        return parts.joined(separator: " | ")
    }

    /// The iteration of an iteration line, nil for an event line.
    public static func iteration(of line: String) -> Int? {
        guard line.hasPrefix("iter ") else { return nil }
        return Int(line.dropFirst(5).prefix { $0.isNumber })
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "nan"
    }
}
