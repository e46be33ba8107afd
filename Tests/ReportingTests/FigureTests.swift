import Testing
@testable import Reporting

@Suite struct FigureTests {
    static func run(_ id: String, seed: UInt64, steps: [Int], sampling: Bool) -> ReportRun {
        let evaluations = steps.enumerated().map { index, step in
            EvaluationPoint(iteration: index + 1, envSteps: step, meanSuccess: 0.5, worstSuccess: 0.25,
                            taskSuccess: ["a": 0.75, "b": 0.25], taskReturn: ["a": 3, "b": 1])
        }
        let points = sampling ? steps.enumerated().map { SamplingPoint(iteration: $0 + 1, envSteps: $1, probabilities: ["a": 0.4, "b": 0.6]) } : []
        return ReportRun(id: id, name: id, sampler: "drats", seed: seed, totalEnvSteps: 1_000, tasks: ["a", "b"],
                         metrics: RunMetrics(evaluations: evaluations, sampling: points, unreadableLines: 0))
    }

    static func texts(_ drawing: Drawing) -> [String] {
        drawing.items.compactMap { if case let .text(string, _, _, _, _, _) = $0 { string } else { nil } }
    }

    @Test func seedsWithNoSharedEvaluationStepDrawNoCurveAndTheLegendSaysWhy() {
        let groups = SamplerGroup.group([Self.run("r1", seed: 1, steps: [100, 200], sampling: true),
                                         Self.run("r2", seed: 2, steps: [150, 250], sampling: true)])
        let drawing = LearningCurvesFigure.drawing(groups, bootstrap: Bootstrap(resamples: 50))
        #expect(Self.texts(drawing).contains("drats (no evaluation step shared by all seeds)"))
        #expect(!drawing.items.contains { if case .polygon = $0 { true } else { false } })
    }

    @Test func aRunWithoutSamplerProbabilitiesIsShownAsSuch() {
        let drawing = SamplingProbabilitiesFigure.drawing(SamplerGroup.group([Self.run("r1", seed: 1, steps: [100], sampling: false)]))
        #expect(Self.texts(drawing).contains("no sampler probabilities recorded"))
        #expect(Self.texts(drawing).contains("drats, seed 1"))
    }

    @Test func finalSuccessPanelsListTasksBestFirst() throws {
        let groups = SamplerGroup.group([Self.run("r1", seed: 1, steps: [100], sampling: true)])
        let summary = SummaryCalculator.summarise(groups, successThreshold: 0.5, bootstrap: Bootstrap(resamples: 50))
        #expect(FinalSuccessFigure.sortedTasks(summary.samplers[0]).map(\.task) == ["a", "b"])
        let texts = Self.texts(FinalSuccessFigure.drawing(summary))
        let a = try #require(texts.firstIndex(of: "a")), b = try #require(texts.firstIndex(of: "b"))
        #expect(a < b)
    }
}
