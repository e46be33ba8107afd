import Foundation
import Testing
@testable import Reporting

/// The report's "Aggregate measures (rliable)": the fixture's final success rates as runs x
/// tasks matrices (uniform: [1, 1, 0, 0] and [1, 1, 1, 0]; drats: [1, 1, 1, 0.5] and
/// [1, 1, 1, 1]; hard-first: [1, 0, 0, 0]).
@Suite struct SummaryAggregatesTests {
    static func report(_ pick: (([String]) -> [String]) = { $0 }) throws -> Report {
        let (fixtures, ids) = try ReportBuilderTests.fixture()
        let runs = try ReportBuilder.loadRuns(queries: pick(ids), all: false, store: fixtures.store, stateDirectory: fixtures.directory)
        return try ReportBuilder.build(runs, successThreshold: 0.5, bootstrap: Bootstrap(resamples: 2_000, seed: 3))
    }

    @Test func eachSamplerHasTheHandComputedMeasures() throws {
        let report = try Self.report()
        let basis = try #require(report.summary.aggregateBasis)
        #expect(basis.tasks == ["wall0", "wall1", "wall2", "wall3"])
        #expect(basis.tasksLeftOut.isEmpty)
        #expect(basis.baseline == "uniform")
        #expect(basis.bootstrapResamples == 2_000 && basis.bootstrapSeed == 3)
        let samplers = report.summary.samplers
        let uniform = try #require(samplers[0].aggregates), drats = try #require(samplers[1].aggregates)
        let hardFirst = try #require(samplers[2].aggregates)
        // uniform's 8 scores sorted: 0 0 | 0 1 1 1 | 1 1.
        #expect(uniform.interquartileMean.value == 0.75)
        #expect(uniform.optimalityGap.value == 3.0 / 8)
        #expect(uniform.mean.value == 5.0 / 8)
        #expect(uniform.probabilityOfImprovement == nil)
        // drats: 0.5 1 | 1 1 1 1 | 1 1.
        #expect(drats.interquartileMean.value == 1)
        #expect(drats.optimalityGap.value == 0.5 / 8)
        #expect(drats.mean.value == 7.5 / 8)
        // Per task over uniform: 0.5 and 0.5 (all tied), 0.75 ({1, 1} against {0, 1}), 1.
        let improvement = try #require(drats.probabilityOfImprovement)
        #expect(improvement.value == AggregatesTests.mean(0.5, 0.5, 0.75, 1))
        #expect(try #require(improvement.lower) <= improvement.value && improvement.value <= (try #require(improvement.upper)))
        // One run: 4 scores, one cut from each end; no intervals.
        #expect(hardFirst.interquartileMean == Estimate(value: 0, lower: nil, upper: nil, count: 1))
        #expect(hardFirst.optimalityGap.value == 0.75)
        #expect(try #require(hardFirst.probabilityOfImprovement).value == AggregatesTests.mean(0.5, 0, 0.25, 0.5))
        #expect(hardFirst.probabilityOfImprovement?.lower == nil)

        let markdown = report.markdown
        #expect(markdown.contains("## Aggregate measures (rliable)"))
        #expect(markdown.contains("| sampler | runs | IQM | optimality gap | mean | probability of improvement over uniform |"))
        #expect(markdown.contains("| uniform | 2 | 0.750 ["))
        #expect(markdown.contains("| baseline |"))
        #expect(markdown.contains("| hard-first | 1 | 0.000 | 0.750 | 0.250 | 0.31"))
        #expect(markdown.contains("on each run's final evaluation"))
        #expect(markdown.contains("2,000 resamples, seed 3"))
        let json = try JSONSerialization.jsonObject(with: Data(try report.summaryJSON().utf8)) as? [String: Any]
        let jsonBasis = try #require(json?["aggregateBasis"] as? [String: Any])
        #expect(jsonBasis["bootstrapSeed"] as? Int == 3)
        #expect(jsonBasis["bootstrapResamples"] as? Int == 2_000)
        let rows = try #require(json?["samplers"] as? [[String: Any]])
        #expect(((rows[1]["aggregates"] as? [String: Any])?["probabilityOfImprovement"] as? [String: Any])?["value"] as? Double == 0.6875)
    }

    @Test func theSameRunsGiveTheSameMeasuresAndAnotherSeedOtherIntervals() throws {
        let (fixtures, ids) = try ReportBuilderTests.fixture()
        let runs = try ReportBuilder.loadRuns(queries: ids, all: false, store: fixtures.store, stateDirectory: fixtures.directory)
        func measures(seed: UInt64) throws -> [AggregateMeasures?] {
            try ReportBuilder.build(runs, bootstrap: Bootstrap(resamples: 100, seed: seed)).summary.samplers.map(\.aggregates)
        }
        #expect(try measures(seed: 5) == measures(seed: 5))
        let report = try ReportBuilder.build(runs, bootstrap: Bootstrap(resamples: 100, seed: 5))
        #expect(try ReportBuilder.build(runs, bootstrap: Bootstrap(resamples: 100, seed: 5)).markdown == report.markdown)
        // Two runs a sampler give few distinct resamples; with 5 resamples a seed the intervals'
        // ends are the extremes of 5 draws, which another seed moves.
        func fewDraws(seed: UInt64) throws -> [AggregateMeasures?] {
            try ReportBuilder.build(runs, bootstrap: Bootstrap(resamples: 5, seed: seed)).summary.samplers.map(\.aggregates)
        }
        let first = try fewDraws(seed: 1)
        #expect(try (2...8).contains { try fewDraws(seed: UInt64($0)) != first })
    }

    @Test func withoutUniformThereIsNoProbabilityOfImprovementColumn() throws {
        // drats seeds 1 and 2 and hard-first, no uniform run.
        let report = try Self.report { [$0[0], $0[1], $0[4]] }
        #expect(report.summary.aggregateBasis?.baseline == nil)
        #expect(report.summary.samplers.allSatisfy { $0.aggregates != nil && $0.aggregates?.probabilityOfImprovement == nil })
        #expect(report.markdown.contains("| sampler | runs | IQM | optimality gap | mean |\n"))
        #expect(!report.markdown.contains("probability of improvement over uniform |"))
        #expect(report.markdown.contains("No uniform runs in this report, so there is no probability of improvement over uniform."))
    }

    @Test func tasksSomeRunLacksAreLeftOutForEverySampler() throws {
        // r-2's final evaluation has no task b: every matrix is on task a alone.
        func run(_ id: String, _ sampler: String, _ success: [String: Double]) -> ReportRun {
            let point = EvaluationPoint(iteration: 1, envSteps: 100, meanSuccess: 0, worstSuccess: 0, taskSuccess: success, taskReturn: [:])
            return ReportRun(id: id, name: id, sampler: sampler, seed: 1, totalEnvSteps: 100, tasks: ["a", "b"],
                             metrics: RunMetrics(evaluations: [point], sampling: [], unreadableLines: 0))
        }
        let report = try ReportBuilder.build([run("r-1", "uniform", ["a": 0.5, "b": 1]), run("r-2", "drats", ["a": 1])],
                                             bootstrap: Bootstrap(resamples: 10))
        #expect(report.summary.aggregateBasis?.tasks == ["a"])
        #expect(report.summary.aggregateBasis?.tasksLeftOut == ["b"])
        #expect(report.summary.samplers[0].aggregates?.mean.value == 0.5)
        #expect(report.summary.samplers[1].aggregates?.probabilityOfImprovement?.value == 1)
        #expect(report.markdown.contains("Left out, as not every run's final evaluation has them: b."))
    }
}
