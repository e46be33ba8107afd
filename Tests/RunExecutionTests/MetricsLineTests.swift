import Foundation
@testable import RunExecution
import Testing
@testable import Trainer

@Suite struct MetricsLineTests {
    @Test func iterationLineHasTheFixedKeysInOrderAndNullForNonFinite() throws {
        let metrics = IterationMetrics(iteration: 3, globalStep: 300, entries: [
            .init(key: "charts/iteration", value: 3), .init(key: "losses/explained_variance", value: .nan),
            .init(key: "sampler/a\"b/probability", value: 0.25), .init(key: "losses/grad_norm", value: -.infinity),
        ])
        let line = MetricsLine.iteration(metrics, wallSeconds: 1.5, stepsPerSecond: 200)
        #expect(line == #"{"kind":"iteration","iteration":3,"env_steps":300,"wall_seconds":1.5,"steps_per_second":200,"charts/iteration":3,"losses/explained_variance":null,"sampler/a\"b/probability":0.25,"losses/grad_norm":null}"#)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["sampler/a\"b/probability"] as? Double == 0.25)
        #expect(object["losses/explained_variance"] is NSNull)
        #expect(MetricsLine.kindAndIteration(of: line)?.kind == "iteration")
        #expect(MetricsLine.kindAndIteration(of: line)?.iteration == 3)
    }

    @Test func evaluationLineHasMeanWorstAndPerTaskFigures() throws {
        let result = EvaluationResult(successRate: [1, 0.5], meanReturn: [10.25, 1e-7], fullEpisodeReturn: [40.5, 2], episodesPerTask: 2)
        let line = MetricsLine.evaluation(result, taskNames: ["a", "b"], iteration: 4, envSteps: 400, wallSeconds: 2)
        #expect(line == #"{"kind":"evaluation","iteration":4,"env_steps":400,"wall_seconds":2,"eval/mean_success_rate":0.75,"eval/worst_success_rate":0.5,"eval/a/success_rate":1,"eval/a/return":10.25,"eval/a/full_episode_return":40.5,"eval/b/success_rate":0.5,"eval/b/return":1e-07,"eval/b/full_episode_return":2}"#)
        #expect(MetricsLine.evaluationSummary(of: line) == TrainLogLine.LatestEvaluation(iteration: 4, meanSuccessRate: 0.75, worstSuccessRate: 0.5))
        #expect(MetricsLine.meanSuccessRate(EvaluationResult(successRate: [], meanReturn: [], fullEpisodeReturn: [], episodesPerTask: 1)) == 0)
    }

    @Test func numbersRoundTripExactly() throws {
        for value in [0.1, 1.0 / 3.0, -2.5e-300, 123456789.125, Double.leastNonzeroMagnitude, 1e20] {
            let text = MetricsLine.number(value)
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [NSNumber])
            #expect(parsed[0].doubleValue == value, "\(text)")
        }
    }

    @Test func linesThatAreNotMetricObjectsAreRecognised() {
        #expect(MetricsLine.kindAndIteration(of: "") == nil)
        #expect(MetricsLine.kindAndIteration(of: #"{"kind":"iteration""#) == nil)
        #expect(MetricsLine.kindAndIteration(of: #"{"iteration":2}"#) == nil)
        #expect(MetricsLine.evaluationSummary(of: #"{"kind":"iteration","iteration":2}"#) == nil)
    }

    @Test func trainLogIterationLinesAreParsed() {
        #expect(TrainLogLine.iteration(of: "iter 12/40 | steps 1") == 12)
        #expect(TrainLogLine.iteration(of: "resume: restored x") == nil)
        #expect(TrainLogLine.iteration(of: "iteration 3") == nil)
        let metrics = IterationMetrics(iteration: 2, globalStep: 20, entries: [
            .init(key: "charts/success_rate", value: 0.5), .init(key: "charts/episodic_return", value: 3.25),
            .init(key: "sampler/t/probability", value: 1),
        ])
        let line = TrainLogLine.iteration(metrics, iterationCount: 4, totalEnvSteps: 40, stepsPerSecond: .nan, taskNames: ["t"],
                                          latestEvaluation: .init(iteration: 1, meanSuccessRate: 0.25, worstSuccessRate: 0))
        #expect(line == "iter 2/4 | steps 20/40 | 0 steps/s | train success 0.50 return 3.2 | eval mean 0.25 worst 0.00 (iter 1) | q t 1.000")
    }
}
