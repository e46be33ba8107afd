import Foundation
import Testing
@testable import Reporting

/// Normalised return rests on `eval/<task>/full_episode_return`, never on the until-success
/// `return`, and is n/a for a sampler with a run evaluated before full-length returns existed.
@Suite struct NormalisedReturnTests {
    /// A run with one evaluation on tasks a and b; no full-episode returns when `fullEpisode` is nil.
    static func run(_ id: String, sampler: String, seed: UInt64, success: [Double], untilSuccess: [Double],
                    fullEpisode: [Double]?) -> ReportRun {
        let tasks = ["a", "b"]
        let point = EvaluationPoint(
            iteration: 1, envSteps: 1_000, meanSuccess: success.reduce(0, +) / 2, worstSuccess: success.min()!,
            taskSuccess: Dictionary(uniqueKeysWithValues: zip(tasks, success)),
            taskReturn: Dictionary(uniqueKeysWithValues: zip(tasks, untilSuccess)),
            taskFullEpisodeReturn: fullEpisode.map { Dictionary(uniqueKeysWithValues: zip(tasks, $0)) } ?? [:])
        return ReportRun(id: id, name: id, sampler: sampler, seed: seed, totalEnvSteps: 1_000, tasks: tasks,
                         metrics: RunMetrics(evaluations: [point], sampling: [], unreadableLines: 0))
    }

    @Test func aRunThatSolvesEarlyIsNotPunishedForItsShortEpisodes() throws {
        // The solver's episodes end early (until-success return 2) but played on they earn 10;
        // the other never solves and earns 5 over the full episode (until-success 10 too).
        let solver = Self.run("r-1", sampler: "drats", seed: 1, success: [1, 1], untilSuccess: [2, 2], fullEpisode: [10, 10])
        let other = Self.run("r-2", sampler: "uniform", seed: 1, success: [0, 0], untilSuccess: [10, 10], fullEpisode: [5, 5])
        let summary = try ReportBuilder.build([solver, other], bootstrap: Bootstrap(resamples: 100)).summary
        #expect(summary.bestFinalFullEpisodeReturn == ["a": 10, "b": 10])
        #expect(summary.samplers.map(\.sampler) == ["uniform", "drats"])
        #expect(summary.samplers[1].normalisedReturn?.value == 1)
        #expect(summary.samplers[0].normalisedReturn?.value == 0.5)
        #expect(summary.samplers.allSatisfy { $0.normalisedReturnUnavailable == nil })
    }

    @Test func aSamplerWithARunEvaluatedBeforeFullLengthReturnsIsNotAvailable() throws {
        let runs = [
            Self.run("r-1", sampler: "uniform", seed: 1, success: [1, 0], untilSuccess: [3, 8], fullEpisode: [8, 4]),
            Self.run("r-2", sampler: "uniform", seed: 2, success: [1, 1], untilSuccess: [2, 2], fullEpisode: nil),
            Self.run("r-3", sampler: "drats", seed: 1, success: [0, 1], untilSuccess: [9, 1], fullEpisode: [4, 8]),
        ]
        let report = try ReportBuilder.build(runs, bootstrap: Bootstrap(resamples: 100))
        let uniform = report.summary.samplers[0], drats = report.summary.samplers[1]
        #expect(uniform.normalisedReturn == nil)
        #expect(uniform.normalisedReturnUnavailable == "runs evaluated before full-length returns were recorded")
        // The best comes from the runs that recorded it: a 8 (r-1), b 8 (r-3).
        #expect(report.summary.bestFinalFullEpisodeReturn == ["a": 8, "b": 8])
        #expect(drats.normalisedReturn?.value == (0.5 + 1) / 2)
        #expect(report.markdown.contains("| n/a (runs evaluated before full-length returns were recorded) |"))
        #expect(report.markdown.contains("| 0.750 |"))
        let json = try JSONSerialization.jsonObject(with: Data(try report.summaryJSON().utf8)) as? [String: Any]
        let rows = try #require(json?["samplers"] as? [[String: Any]])
        #expect(rows[0]["normalisedReturnUnavailable"] as? String == "runs evaluated before full-length returns were recorded")
    }

    @Test func noPositiveBestIsNotAvailableWithItsReason() throws {
        let runs = [Self.run("r-1", sampler: "uniform", seed: 1, success: [0, 0], untilSuccess: [-1, -1], fullEpisode: [-3, 0]),
                    Self.run("r-2", sampler: "uniform", seed: 2, success: [0, 0], untilSuccess: [-1, -1], fullEpisode: [-2, -1])]
        let row = try ReportBuilder.build(runs, bootstrap: Bootstrap(resamples: 100)).summary.samplers[0]
        #expect(row.normalisedReturn == nil)
        #expect(row.normalisedReturnUnavailable == SummaryCalculator.noPositiveBest)
    }

    @Test func theSummarySaysReturnEndsAtTheFirstSuccess() throws {
        let run = Self.run("r-1", sampler: "uniform", seed: 1, success: [1, 0], untilSuccess: [3, 8], fullEpisode: [8, 4])
        let markdown = try ReportBuilder.build([run], bootstrap: Bootstrap(resamples: 10)).markdown
        #expect(markdown.contains("full-episode return"))
        #expect(markdown.contains("`return` in metrics.jsonl, which ends at the first success"))
    }
}
