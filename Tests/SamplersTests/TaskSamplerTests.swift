import Foundation
@testable import Samplers
import Testing

@Suite struct TaskSamplerTests {
    @Test(arguments: SamplerKind.allCases)
    func probabilitiesStayOnSimplexAboveFloorThroughATrainingRun(kind: SamplerKind) throws {
        var sampler = try TaskSampler(config: scriptedConfig(kind), taskCount: 6, seed: 5)
        var training = ScriptedTraining(seed: 9, taskCount: 6)
        for _ in 0..<60 {
            _ = try training.iterate(&sampler)
            expectOnSimplexWithFloor(sampler.probabilities, floor: sampler.floor)
        }
        #expect(sampler.state.updateCount == 60)
    }

    @Test(arguments: SamplerKind.allCases)
    func savingAfterAnyCallAndRestoringContinuesExactly(kind: SamplerKind) throws {
        var original = try TaskSampler(config: scriptedConfig(kind), taskCount: 5, seed: 21)
        var training = ScriptedTraining(seed: 4, taskCount: 5)
        for _ in 0..<7 { _ = try training.iterate(&original) }
        // Save in the middle of an iteration too: after a draw and an episode, before the update.
        _ = original.sampleTask()
        try original.observeEpisode(task: 2, return: 0.4, success: true)
        let saved = try JSONEncoder().encode(original)
        var restored = try JSONDecoder().decode(TaskSampler.self, from: saved)
        #expect(restored == original)
        var trainingCopy = training
        for _ in 0..<25 {
            let expected = try training.iterate(&original)
            let actual = try trainingCopy.iterate(&restored)
            #expect(actual == expected)
            #expect(restored == original)
        }
        // The state alone, restored with the same config, continues as well.
        var fromState = try TaskSampler(config: original.config, restoring: original.state)
        for _ in 0..<100 { #expect(fromState.sampleTask() == original.sampleTask()) }
    }

    /// A run whose sampler goes through a JSON checkpoint after every single call makes the same
    /// draws and ends in the same state as an uninterrupted one.
    @Test(arguments: SamplerKind.allCases)
    func checkpointAfterEveryCallChangesNothing(kind: SamplerKind) throws {
        var uninterrupted = try TaskSampler(config: scriptedConfig(kind), taskCount: 4, seed: 13)
        var checkpointed = uninterrupted
        var trainingA = ScriptedTraining(seed: 6, taskCount: 4)
        var trainingB = trainingA
        var roundTrips = 0
        for _ in 0..<30 {
            let expected = try trainingA.iterate(&uninterrupted)
            let actual = try trainingB.iterate(&checkpointed) { sampler in
                sampler = try JSONDecoder().decode(TaskSampler.self, from: JSONEncoder().encode(sampler))
                roundTrips += 1
            }
            #expect(actual == expected)
        }
        #expect(checkpointed == uninterrupted)
        #expect(roundTrips == 30 * (2 * 12 + 2))
        if kind == .hardFirst { #expect(uninterrupted.state.hardFirst?.stage == 2) }  // 30 x 180 steps > 0.85 x 4000
    }

    @Test func sameSeedGivesSameRunAndOtherSeedDiffers() throws {
        func run(seed: UInt64) throws -> (calls: [ScriptedTraining.Call], sampler: TaskSampler) {
            var sampler = try TaskSampler(config: scriptedConfig(.drats), taskCount: 4, seed: seed)
            var training = ScriptedTraining(seed: 8, taskCount: 4)
            var calls: [ScriptedTraining.Call] = []
            for _ in 0..<20 { calls += try training.iterate(&sampler) }
            return (calls, sampler)
        }
        let first = try run(seed: 77), second = try run(seed: 77), other = try run(seed: 78)
        #expect(first.calls == second.calls)
        #expect(first.sampler == second.sampler)
        #expect(first.calls != other.calls)
    }

    /// Pearson chi-square of 200,000 draws against a strongly non-uniform q on 10 tasks; with 9
    /// degrees of freedom the statistic exceeds 27.88 with probability 0.001.
    @Test func samplingFrequenciesMatchProbabilities() throws {
        var config = SamplerConfig()
        config.stepSize = config.inverseTemperature  // alpha = 1: q jumps to the adversary's optimum
        config.maxReturn = 1
        var sampler = try TaskSampler(config: config, taskCount: 10, seed: 2024)
        for task in 0..<10 { try sampler.observeEpisode(task: task, return: Double(task) / 10, success: false) }
        sampler.update()
        let q = sampler.probabilities
        #expect(q.max()! > 5 * q.min()!)
        let draws = 200_000
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<draws { counts[sampler.sampleTask()] += 1 }
        func chiSquare(_ expected: [Double]) -> Double {
            (0..<10).reduce(0) { $0 + pow(Double(counts[$1]) - Double(draws) * expected[$1], 2) / (Double(draws) * expected[$1]) }
        }
        #expect(chiSquare(q) < 27.88)
        #expect(chiSquare(MirrorAscent.uniform(10)) > 1000)  // the statistic does detect a wrong q
    }

    @Test func fullStepJumpsToProjectedSoftmaxOfScaledGaps() throws {
        var config = SamplerConfig()
        config.stepSize = 8
        config.floor = 0.05
        var sampler = try TaskSampler(config: config, taskCount: 4, seed: 1)
        let returns = [4000.0, 2500, 4900]  // task 3 has no episode: gap 1
        for (task, value) in returns.enumerated() { try sampler.observeEpisode(task: task, return: value, success: false) }
        sampler.update()
        let gaps = [0.2, 0.5, 0.02, 1]
        for (metric, gap) in zip(sampler.metrics(), gaps) { #expect(abs(metric.score - gap) < 1e-12) }
        let logits = gaps.map { 8 * $0 + log(0.25) }
        let softmax = logits.map { exp($0) / logits.map(exp).reduce(0, +) }
        let expected = bisectionProjection(softmax, floor: 0.05)
        #expect(softmax[2] < 0.05)  // the floor binds, so the projection matters here
        for (p, e) in zip(sampler.probabilities, expected) { #expect(abs(p - e) < 1e-10) }
    }

    @Test func dratsWithStepSizeZeroStaysUniform() throws {
        var config = scriptedConfig(.drats)
        config.stepSize = 0
        var sampler = try TaskSampler(config: config, taskCount: 6, seed: 3)
        var training = ScriptedTraining(seed: 1, taskCount: 6)
        for _ in 0..<30 {
            _ = try training.iterate(&sampler)
            for p in sampler.probabilities { #expect(abs(p - 1.0 / 6) < 1e-12) }
        }
    }

    @Test func uniformSamplerStaysExactlyUniformAndReportsGaps() throws {
        var sampler = try TaskSampler(config: scriptedConfig(.uniform), taskCount: 3, seed: 3)
        try sampler.observeEpisode(task: 0, return: 0.25, success: false)
        sampler.update()
        #expect(sampler.probabilities == MirrorAscent.uniform(3))
        #expect(sampler.metrics().map(\.score) == [0.75, 1, 1])
    }

    @Test func dratsFavoursTheTaskWithTheLargestGap() throws {
        var config = scriptedConfig(.drats)
        config.floor = 0.001  // low enough that no task is pinned to it
        var sampler = try TaskSampler(config: config, taskCount: 3, seed: 3)
        for _ in 0..<50 {   // a full 50-episode success window, so task 0's target can switch
            try sampler.observeEpisode(task: 0, return: 0.9, success: true)
            try sampler.observeEpisode(task: 1, return: 0.5, success: false)
            try sampler.observeEpisode(task: 2, return: 0.1, success: false)
            sampler.update()
        }
        let q = sampler.probabilities
        #expect(q[2] > q[1] && q[1] > q[0])
        #expect(q[0] > sampler.floor)
        // Task 0 has switched to its running max (0.9), so its gap is 0.
        #expect(sampler.metrics()[0].target == 0.9 && sampler.metrics()[0].score == 0)
    }

    @Test func learningProgressDropsMasteredTasksToTheFloor() throws {
        var config = scriptedConfig(.learningProgress)
        config.floor = 0.05
        var sampler = try TaskSampler(config: config, taskCount: 3, seed: 3)
        // Task 0 improves a lot but is mastered (its last 50 episodes all succeeded); task 1
        // improves; task 2 is flat.
        for (task, value) in [(0, 0.1), (1, 0.1), (2, 0.1)] { try sampler.observeEpisode(task: task, return: value, success: false) }
        sampler.update()
        for _ in 0..<50 { try sampler.observeEpisode(task: 0, return: 0.95, success: true) }
        try sampler.observeEpisode(task: 1, return: 0.4, success: false)
        try sampler.observeEpisode(task: 2, return: 0.1, success: false)
        sampler.update()
        let scores = sampler.metrics().map(\.score)
        #expect(abs(scores[0] - 0.85 / 0.86) < 1e-12 && abs(scores[1] - 0.3 / 0.86) < 1e-12 && scores[2] == 0)
        #expect(abs(sampler.probabilities[0] - 0.05) < 1e-15)
        #expect(sampler.probabilities[1] > sampler.probabilities[2])
    }

    @Test func learningProgressWithEveryTaskMasteredIsUniform() throws {
        var sampler = try TaskSampler(config: scriptedConfig(.learningProgress), taskCount: 3, seed: 3)
        for task in 0..<3 {
            for _ in 0..<50 { try sampler.observeEpisode(task: task, return: Double(task) / 4, success: true) }
        }
        sampler.update()
        #expect(sampler.probabilities == MirrorAscent.uniform(3))
    }

    /// "Mastered" needs a full 50-episode history (docs/samplers.md). Ten successes out of ten are
    /// not mastery; the task keeps its progress score's share.
    @Test func learningProgressNeedsAFullWindowToCallATaskMastered() throws {
        var config = scriptedConfig(.learningProgress)
        config.floor = 0.05
        var sampler = try TaskSampler(config: config, taskCount: 3, seed: 3)
        for task in 0..<3 { try sampler.observeEpisode(task: task, return: 0.1, success: false) }
        sampler.update()
        for _ in 0..<10 { try sampler.observeEpisode(task: 0, return: 0.95, success: true) }
        try sampler.observeEpisode(task: 1, return: 0.4, success: false)
        try sampler.observeEpisode(task: 2, return: 0.1, success: false)
        sampler.update()
        #expect(sampler.probabilities[0] > sampler.probabilities[1] && sampler.probabilities[1] > sampler.probabilities[2])
        // Forty more successes fill the window (50 of the last 50): now it is mastered.
        for _ in 0..<40 { try sampler.observeEpisode(task: 0, return: 0.95, success: true) }
        try sampler.observeEpisode(task: 1, return: 0.7, success: false)
        sampler.update()
        #expect(abs(sampler.probabilities[0] - 0.05) < 1e-15)
    }

    /// The window is its own setting in env steps, not the PPO rollout (docs/samplers.md). Three
    /// rollouts of 100 steps fill a 300-step window; q changes only then, and Learning Potential's
    /// score is the step-weighted mean |advantage| over the whole window.
    @Test func qIsUpdatedOnlyOnceTheWindowHoldsItsSteps() throws {
        var config = scriptedConfig(.learningPotential)
        config.updateEveryEnvSteps = 300
        config.stepSize = 8
        config.floor = 0
        var sampler = try TaskSampler(config: config, taskCount: 2, seed: 3)
        let rollouts: [([Double], [Int])] = [([1, 4], [50, 50]), ([3, 4], [50, 50]), ([2, 4], [100, 0])]
        for (index, (advantages, steps)) in rollouts.enumerated() {
            try sampler.observeEpisode(task: 0, return: 0.5, success: false)
            try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: advantages, stepsPerTask: steps)
            let updated = sampler.updateIfWindowIsFull()
            #expect(updated == (index == 2), "rollout \(index)")
            if index < 2 {
                #expect(sampler.probabilities == MirrorAscent.uniform(2))
                #expect(sampler.state.updateCount == 0 && sampler.metrics()[0].windowEpisodeCount == 0)
            }
        }
        // Task 0: (1 x 50 + 3 x 50 + 2 x 100) / 200 = 2; task 1: 4 over its 100 steps.
        #expect(sampler.state.meanAbsoluteAdvantage == [2, 4])
        #expect(sampler.state.updateCount == 1 && sampler.state.stepsSinceUpdate == 0)
        #expect(sampler.metrics()[0].windowEpisodeCount == 3)
        #expect(sampler.probabilities[1] > sampler.probabilities[0])
        // The next window starts empty.
        try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: [1, 1], stepsPerTask: [100, 100])
        let updatedEarly = sampler.updateIfWindowIsFull()
        #expect(!updatedEarly)
        #expect(sampler.state.stepsSinceUpdate == 200)
    }

    /// A checkpoint written before the window had its own setting holds no open window: it
    /// decodes with an empty one and goes on.
    @Test func stateWithoutAnOpenWindowDecodes() throws {
        var sampler = try TaskSampler(config: scriptedConfig(.drats), taskCount: 2, seed: 3)
        try sampler.observeEpisode(task: 1, return: 0.5, success: false)
        sampler.update()
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(sampler)) as? [String: Any])
        var state = try #require(object["state"] as? [String: Any])
        for key in ["stepsSinceUpdate", "openWindowAdvantageSum", "openWindowAdvantageSteps"] {
            #expect(state.removeValue(forKey: key) != nil, "\(key) is saved")
        }
        object["state"] = state
        let restored = try JSONDecoder().decode(TaskSampler.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(restored.state.stepsSinceUpdate == 0 && restored.state.updateCount == 1)
        #expect(restored.state.openWindowAdvantageSum == [0, 0] && restored.state.openWindowAdvantageSteps == [0, 0])
        #expect(restored.state.tasks == sampler.state.tasks)
    }

    @Test func learningPotentialFollowsTheMeanAbsoluteAdvantage() throws {
        var config = scriptedConfig(.learningPotential)
        config.stepSize = 8
        config.floor = 0  // so the two low scores are not both pinned to the floor
        var sampler = try TaskSampler(config: config, taskCount: 3, seed: 3)
        try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: [0.1, -2, .nan], stepsPerTask: [5, 5, 5])
        sampler.update()
        let scores = sampler.metrics().map(\.score)
        #expect(abs(scores[0] - 0.1 / 2.01) < 1e-12 && abs(scores[1] - 2 / 2.01) < 1e-12 && scores[2] == 0)
        #expect(sampler.probabilities[1] > sampler.probabilities[0] && sampler.probabilities[0] > sampler.probabilities[2])
    }

    @Test func metricsReportTheWindowAndStableKeys() throws {
        var config = scriptedConfig(.drats)
        config.successWindowEpisodes = 2
        var sampler = try TaskSampler(config: config, taskCount: 2, seed: 3)
        try sampler.observeEpisode(task: 1, return: 0.2, success: true)
        try sampler.observeEpisode(task: 1, return: 0.6, success: true)
        let metrics = sampler.update()
        #expect(metrics == sampler.metrics())
        #expect(metrics[0].windowEpisodeCount == 0 && metrics[0].windowMeanReturn == 0 && metrics[0].score == 1)
        #expect(metrics[1].windowEpisodeCount == 2 && abs(metrics[1].windowMeanReturn - 0.4) < 1e-15)
        // Two successes fill the 2-episode window with a success rate above 0.5: the target
        // tracks the running maximum from then on, so it is 0.6, not maxReturn.
        #expect(metrics[1].target == 0.6 && metrics[1].successRate == 1 && metrics[1].hardFirstPool == nil)
        #expect(abs(metrics[1].score - (0.6 - 0.4) / 0.6) < 1e-12)
        #expect(metrics[1].metricValues(taskName: "reach-v3").map(\.key) == [
            "sampler/reach-v3/probability", "sampler/reach-v3/score", "sampler/reach-v3/target",
            "sampler/reach-v3/windowMeanReturn", "sampler/reach-v3/windowEpisodeCount", "sampler/reach-v3/successRate",
        ])
        #expect(metrics[1].metricValues(taskName: "t")[0].value == sampler.probabilities[1])
    }

    @Test func rejectsBadObservationsWithActionableErrors() throws {
        var sampler = try TaskSampler(config: SamplerConfig(), taskCount: 3, seed: 3)
        #expect(throws: SamplerError.taskOutOfRange(task: 3, taskCount: 3)) { try sampler.observeEpisode(task: 3, return: 1, success: false) }
        #expect(throws: SamplerError.taskOutOfRange(task: -1, taskCount: 3)) { try sampler.observeEpisode(task: -1, return: 1, success: false) }
        #expect(throws: SamplerError.self) { try sampler.observeEpisode(task: 0, return: .nan, success: false) }
        #expect(throws: SamplerError.statisticsCountMismatch(name: "stepsPerTask", count: 2, taskCount: 3)) {
            try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: [0, 0, 0], stepsPerTask: [1, 2])
        }
        #expect(throws: SamplerError.negativeSteps(task: 1, steps: -4)) {
            try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: [0, 0, 0], stepsPerTask: [1, -4, 2])
        }
        #expect(sampler.state.tasks.allSatisfy { $0.totalEpisodeCount == 0 })
        #expect(SamplerError.nonFiniteReturn(task: 0, value: .nan).description.contains("task 0"))
    }

    @Test func refusesStateThatDoesNotFitTheConfig() throws {
        let sampler = try TaskSampler(config: scriptedConfig(.drats), taskCount: 3, seed: 3)
        var state = sampler.state
        state.probabilities = [0.5, 0.5, 0.5]
        #expect(throws: SamplerError.self) { try TaskSampler(config: sampler.config, restoring: state) }
        #expect(throws: SamplerError.self) { try TaskSampler(config: scriptedConfig(.hardFirst), restoring: sampler.state) }
        var json = String(decoding: try JSONEncoder().encode(sampler), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"kind\":\"drats\"", with: "\"kind\":\"hard-first\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TaskSampler.self, from: Data(json.utf8)) }
    }

    @Test func invalidConfigIsRefusedWithEveryProblem() {
        var config = SamplerConfig()
        config.inverseTemperature = 2
        config.stepSize = 3
        config.hardFirstActiveTasks = 4
        do {
            _ = try TaskSampler(config: config, taskCount: 3, seed: 0)
            Issue.record("an invalid config was accepted")
        } catch {
            guard case .invalidConfig(let problems) = error else { Issue.record("wrong error \(error)"); return }
            #expect(problems.map(\.key) == ["stepSize", "hardFirstActiveTasks"])
        }
    }
}
