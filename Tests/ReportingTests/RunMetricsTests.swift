import Testing
@testable import Reporting

@Suite struct RunMetricsTests {
    @Test func readsEvaluationsAndProbabilitiesKeepingTheLastLinePerIteration() {
        let lines = [
            #"{"kind":"iteration","iteration":1,"env_steps":100,"wall_seconds":1,"sampler/a/probability":0.5,"sampler/b/probability":0.5,"sampler/a/score":3}"#,
            #"{"kind":"evaluation","iteration":1,"env_steps":100,"eval/mean_success_rate":0.25,"eval/worst_success_rate":0,"eval/a/success_rate":0.5,"eval/b/success_rate":0,"eval/a/return":10,"eval/b/return":2,"eval/a/full_episode_return":12,"eval/b/full_episode_return":2.5}"#,
            #"{"kind":"iteration","iteration":2,"env_steps":200,"sampler/a/probability":0.9,"sampler/b/probability":0.1}"#,
            #"{"kind":"iteration","iteration":2,"env_steps":200,"sampler/a/probability":0.7,"sampler/b/probability":0.3}"#,
            "not json",
            #"{"kind":"evaluation","iteration":2,"env_steps":200,"eval/a/success_rate":1,"eval/b/success_rate":0.5}"#,
            "",
        ]
        let metrics = RunMetrics.parse(lines: lines)
        #expect(metrics.unreadableLines == 1)
        #expect(metrics.evaluations.map(\.envSteps) == [100, 200])
        #expect(metrics.evaluations[0].meanSuccess == 0.25)
        #expect(metrics.evaluations[0].taskReturn == ["a": 10, "b": 2])
        #expect(metrics.evaluations[0].taskFullEpisodeReturn == ["a": 12, "b": 2.5])
        // A line from before the trainer recorded full-episode returns has none.
        #expect(metrics.evaluations[1].taskFullEpisodeReturn.isEmpty)
        // Without the aggregate keys they are computed from the task rates.
        #expect(metrics.evaluations[1].meanSuccess == 0.75)
        #expect(metrics.evaluations[1].worstSuccess == 0.5)
        #expect(metrics.sampling.map(\.envSteps) == [100, 200])
        #expect(metrics.sampling[1].probabilities == ["a": 0.7, "b": 0.3])
        #expect(metrics.taskNames == ["a", "b"])
    }

    @Test func linesWithoutKindIterationOrStepsAreCountedUnreadable() {
        let metrics = RunMetrics.parse(lines: [
            #"{"iteration":1,"env_steps":100}"#, #"{"kind":"evaluation","env_steps":100}"#,
            #"{"kind":"evaluation","iteration":3,"env_steps":300}"#, "[1,2]",
        ])
        #expect(metrics.unreadableLines == 4)
        #expect(metrics.evaluations.isEmpty && metrics.sampling.isEmpty)
    }
}
