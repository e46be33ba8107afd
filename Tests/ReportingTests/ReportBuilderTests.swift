import Daemon
import Foundation
import Testing
@testable import Reporting

@Suite struct ReportBuilderTests {
    /// uniform: 2 seeds, drats: 2 seeds, hard-first: 1 seed and one run with no evaluation yet.
    static func fixture() throws -> (ReportFixtures, [String]) {
        let fixtures = try ReportFixtures()
        var ids: [String] = []
        ids.append(try fixtures.addRun(sampler: "drats", seed: 1, lines: ReportFixtures.simpleRun(
            first: [1, 0, 0, 0], final: [1, 1, 1, 0.5], finalFullEpisodeReturns: [1, 1, 0.8, 0.5])))
        ids.append(try fixtures.addRun(sampler: "drats", seed: 2, lines: ReportFixtures.simpleRun(
            first: [1, 1, 0, 0], final: [1, 1, 1, 1], finalFullEpisodeReturns: [1, 1, 1, 1])))
        ids.append(try fixtures.addRun(sampler: "uniform", seed: 1, lines: ReportFixtures.simpleRun(
            first: [0, 0, 0, 0], final: [1, 1, 0, 0], finalFullEpisodeReturns: [1, 0.5, 0, 0])))
        ids.append(try fixtures.addRun(sampler: "uniform", seed: 2, lines: ReportFixtures.simpleRun(
            first: [1, 0, 0, 0], final: [1, 1, 1, 0], finalFullEpisodeReturns: [1, 1, 0.4, 0])))
        ids.append(try fixtures.addRun(sampler: "hard-first", seed: 1, lines: ReportFixtures.simpleRun(
            first: [0, 0, 0, 0], final: [1, 0, 0, 0], finalFullEpisodeReturns: [0.5, 0, 0, 0])))
        ids.append(try fixtures.addRun(sampler: "drats", seed: 3, lines: [ReportFixtures.iteration(1, steps: 256, probabilities: [0.25, 0.25, 0.25, 0.25])]))
        return (fixtures, ids)
    }

    @Test func summaryHasTheHandComputedNumbers() throws {
        let (fixtures, ids) = try Self.fixture()
        let runs = try ReportBuilder.loadRuns(queries: ids, all: false, store: fixtures.store, stateDirectory: fixtures.directory)
        #expect(runs.count == 6)
        #expect(runs[0].tasks == ["wall0", "wall1", "wall2", "wall3"])
        let report = try ReportBuilder.build(runs, successThreshold: 0.5, bootstrap: Bootstrap(resamples: 2_000))
        #expect(report.skipped.map(\.runID) == [ids[5]])
        let summary = report.summary
        #expect(summary.samplers.map(\.sampler) == ["uniform", "drats", "hard-first"])
        #expect(summary.budgetsEnvSteps == [200_000])
        #expect(summary.bestFinalFullEpisodeReturn == ["wall0": 1, "wall1": 1, "wall2": 1, "wall3": 1])
        let uniform = summary.samplers[0], drats = summary.samplers[1], hardFirst = summary.samplers[2]
        #expect(drats.seeds == [1, 2])
        #expect(drats.meanSuccess.value == (0.875 + 1) / 2)
        #expect(drats.worstTaskSuccess.value == 0.75)
        #expect(abs(try #require(drats.normalisedReturn).value - (0.825 + 1) / 2) < 1e-12)
        // drats seed 1 reaches mean 0.5 only at 512 steps, seed 2 at 256: median 384.
        #expect(drats.stepsToThreshold.value == 384)
        #expect(drats.seedsReachingThreshold == 2)
        #expect(uniform.meanSuccess.value == (0.5 + 0.75) / 2)
        #expect(uniform.worstTaskSuccess.value == 0)
        #expect(uniform.stepsToThreshold.value == 512)
        #expect(uniform.finalTaskSuccess["wall2"]?.value == 0.5)
        #expect(uniform.finalTaskSuccess["wall2"]?.lower == 0)
        #expect(uniform.finalTaskSuccess["wall2"]?.upper == 1)
        // One seed: no intervals; mean 0.25 < 0.5 at every evaluation: never reached.
        #expect(hardFirst.meanSuccess == Estimate(value: 0.25, lower: nil, upper: nil, count: 1))
        #expect(hardFirst.stepsToThreshold.value == .infinity)
        #expect(hardFirst.seedsReachingThreshold == 0)

        let markdown = report.markdown
        #expect(markdown.contains("| drats | 2 (1, 2) | 0.938 ["))
        #expect(markdown.contains("| hard-first | 1 (1) | 0.250 | 0.000 | 0.125 | not reached (0/1 reached) |"))
        #expect(markdown.contains("Budget: 200k environment steps per run"))
        #expect(markdown.contains("These are gridworld runs, not MT10"))
        #expect(!markdown.contains("100M"))
        #expect(markdown.contains("| wall3 | 0.000 | 0.750 | 0.000 |"))
        let json = try report.summaryJSON()
        #expect(json.contains("\"not reached\""))
        #expect((try JSONSerialization.jsonObject(with: Data(json.utf8))) is [String: Any])
    }

    @Test func writesEveryFileAsWellFormedSVGAndDecodablePNG() throws {
        let (fixtures, ids) = try Self.fixture()
        let runs = try ReportBuilder.loadRuns(queries: Array(ids.prefix(5)), all: false, store: fixtures.store,
                                              stateDirectory: fixtures.directory)
        let report = try ReportBuilder.build(runs, bootstrap: Bootstrap(resamples: 500))
        let out = fixtures.directory.url.path + "/report"
        let written = try report.write(to: out)
        let names = written.map { ($0 as NSString).lastPathComponent }
        #expect(names == ["summary.md", "learning-curves.svg", "learning-curves.png", "final-success.svg", "final-success.png",
                          "sampling-probabilities.svg", "sampling-probabilities.png"])
        for path in written where path.hasSuffix(".svg") {
            let (ok, counter) = SVGRendererTests.parse(try String(contentsOfFile: path, encoding: .utf8))
            #expect(ok, "\(path) is not well-formed XML")
            #expect((counter.counts["text"] ?? 0) > 10)
            #expect((counter.counts["polyline"] ?? 0) > 5)
        }
        for path in written where path.hasSuffix(".png") {
            let fields = try PythonCheck.run(PythonCheck.pngReader, arguments: [path]).split(separator: " ")
            #expect(fields.last == "IHDR,IDAT,IEND")
        }
        // The band of a two-seed sampler is a polygon; the one-seed sampler's legend says it has none.
        let curves = try String(contentsOfFile: out + "/learning-curves.svg", encoding: .utf8)
        #expect(curves.contains("<polygon"))
        #expect(curves.contains("hard-first (1 seed, no band)"))
        #expect(curves.contains("drats (2 seeds, 95% CI)"))
    }

    @Test func learningCurvesAreMeansOverSeedsOnSharedSteps() throws {
        let (fixtures, ids) = try Self.fixture()
        let runs = try ReportBuilder.loadRuns(queries: Array(ids.prefix(2)), all: false, store: fixtures.store,
                                              stateDirectory: fixtures.directory)
        let curves = LearningCurvesFigure.curves(SamplerGroup.group(runs), metric: \.meanSuccess, bootstrap: Bootstrap(resamples: 100))
        #expect(curves.count == 1)
        #expect(curves[0].points.map(\.step) == [256, 512])
        #expect(curves[0].points.map(\.estimate.value) == [(0.25 + 0.5) / 2, (0.875 + 1) / 2])
    }

    @Test func aSeedRunTwiceCountsOnceWithTheFurthestEvaluatedRun() throws {
        let (fixtures, ids) = try Self.fixture()
        // drats seed 2 again, evaluated only at 256 steps: the same seed, no new sample.
        let repeated = try fixtures.addRun(sampler: "drats", seed: 2, lines: Array(ReportFixtures.simpleRun(
            first: [1, 1, 0, 0], final: [1, 1, 1, 1], finalFullEpisodeReturns: [1, 1, 1, 1]).prefix(2)))
        // uniform seed 1 again, evaluated as far as the first one: the first given is kept.
        let tie = try fixtures.addRun(sampler: "uniform", seed: 1, lines: ReportFixtures.simpleRun(
            first: [0, 0, 0, 0], final: [0, 0, 0, 0], finalFullEpisodeReturns: [0, 0, 0, 0]))
        let runs = try ReportBuilder.loadRuns(queries: [repeated] + ids + [tie], all: false, store: fixtures.store, stateDirectory: fixtures.directory)
        let report = try ReportBuilder.build(runs, successThreshold: 0.5, bootstrap: Bootstrap(resamples: 2_000))
        #expect(report.skipped.map(\.runID) == [ids[5], repeated, tie])
        #expect(report.skipped[1].reason == "same sampler (drats) and seed (2) as run \(ids[1]), which is reported; a seed counts once")
        #expect(report.skipped[2].reason.contains("as run \(ids[2]),"))
        let drats = report.summary.samplers[1], uniform = report.summary.samplers[0]
        #expect(drats.runIDs == [ids[0], ids[1]])
        #expect(drats.seeds == [1, 2])
        #expect(drats.meanSuccess.value == (0.875 + 1) / 2)
        #expect(uniform.runIDs == [ids[2], ids[3]])
        #expect(uniform.meanSuccess.value == (0.5 + 0.75) / 2)
        #expect(report.markdown.contains("| drats | 2 (1, 2) | 0.938 ["))
        #expect(!report.markdown.contains(repeated))
    }

    @Test func refusesNothingToReportAndBadThresholds() throws {
        let (fixtures, ids) = try Self.fixture()
        let pending = try ReportBuilder.loadRuns(queries: [ids[5]], all: false, store: fixtures.store, stateDirectory: fixtures.directory)
        #expect(throws: ReportingError.self) { try ReportBuilder.build(pending) }
        #expect(throws: ReportingError.self) { try ReportBuilder.build([]) }
        let runs = try ReportBuilder.loadRuns(queries: [ids[0]], all: false, store: fixtures.store, stateDirectory: fixtures.directory)
        #expect(throws: ReportingError.self) { try ReportBuilder.build(runs, successThreshold: .nan) }
        #expect(throws: ReportingError.self) { try ReportBuilder.build(runs, successThreshold: 1.5) }
        #expect(throws: ReportingError.self) {
            try ReportBuilder.loadRuns(queries: ["r-nope"], all: false, store: fixtures.store, stateDirectory: fixtures.directory)
        }
        // --all takes completed runs only; none of these is completed.
        #expect(try ReportBuilder.loadRuns(queries: [], all: true, store: fixtures.store, stateDirectory: fixtures.directory).isEmpty)
    }
}
