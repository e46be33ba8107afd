@testable import Samplers
import Testing

@Suite struct HardFirstScheduleTests {
    /// Five tasks, K = 2, returns in [0, 1], thresholds low 0.2 / high 0.8, 1000 steps, eps 0.05.
    private func config() -> SamplerConfig {
        var config = SamplerConfig()
        config.kind = .hardFirst
        config.hardFirstActiveTasks = 2
        config.hardFirstLowReturn = 0.2
        config.hardFirstHighReturn = 0.8
        config.totalStepBudget = 1000
        config.floor = 0.05
        return config
    }

    /// One training iteration: the given window mean returns, then the given steps, then update.
    private func iterate(_ sampler: inout TaskSampler, returns: [Double], steps: [Int]) throws {
        for (task, value) in returns.enumerated() {
            try sampler.observeEpisode(task: task, return: value, success: false)
        }
        try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: [Double](repeating: 0, count: 5), stepsPerTask: steps)
        sampler.update()
    }

    @Test func startsWithKActiveTasksSharingTheMassAboveTheFloor() throws {
        let sampler = try TaskSampler(config: config(), taskCount: 5, seed: 1)
        let schedule = try #require(sampler.state.hardFirst)
        #expect(schedule.stage == 1)
        #expect(schedule.pools == [.active, .active, .main, .main, .main])
        #expect(schedule.remainingBudgetSteps == [400, 400, 0, 0, 0])  // 0.8 x 1000 / 2
        let expected = [0.425, 0.425, 0.05, 0.05, 0.05]  // 0.05 + (1 - 5 x 0.05) / 2
        for (p, e) in zip(sampler.probabilities, expected) { #expect(abs(p - e) < 1e-15) }
    }

    @Test func movesTasksBetweenPoolsAndStagesAsSpecified() throws {
        var sampler = try TaskSampler(config: config(), taskCount: 5, seed: 1)
        // Task 0 exceeds high: solved at once, budget left or not. Task 1 keeps going. The free
        // slot goes to the hardest main-pool task: task 3 (return 0.1).
        try iterate(&sampler, returns: [0.9, 0.5, 0.5, 0.1, 0.3], steps: [100, 100, 0, 0, 0])
        var schedule = try #require(sampler.state.hardFirst)
        #expect(schedule.pools == [.solved, .active, .main, .active, .main])
        #expect(schedule.consumedSteps == 200)
        #expect(schedule.remainingBudgetSteps[1] == 300)
        #expect(schedule.remainingBudgetSteps[3] == 320)  // 0.8 x (1000 - 200) / 2
        #expect(sampler.metrics().map(\.hardFirstPool) == schedule.pools)

        // Task 1 spends its budget with a return between low and high: back to the main pool,
        // and (being the hardest there now) activated again with a fresh budget. Task 3 spends
        // its budget below low: unsolvable. Task 4 (0.3) is the next hardest.
        try iterate(&sampler, returns: [0.9, 0.25, 0.5, 0.1, 0.3], steps: [0, 300, 0, 320, 0])
        schedule = try #require(sampler.state.hardFirst)
        #expect(schedule.pools == [.solved, .active, .main, .unsolvable, .active])
        #expect(schedule.consumedSteps == 820)
        #expect(schedule.remainingBudgetSteps[1] == 72)  // 0.8 x 180 / 2
        #expect(schedule.remainingBudgetSteps[4] == 72)
        let q = sampler.probabilities
        #expect(abs(q[1] - 0.425) < 1e-15 && abs(q[4] - 0.425) < 1e-15 && abs(q[3] - 0.05) < 1e-15)

        // A main-pool task whose return exceeds high is solved without ever being active.
        try iterate(&sampler, returns: [0.9, 0.25, 0.85, 0.1, 0.3], steps: [0, 10, 0, 0, 10])
        schedule = try #require(sampler.state.hardFirst)
        #expect(schedule.pools[2] == .solved)
        #expect(schedule.stage == 1)  // 840 < 0.85 x 1000

        // Crossing 85% of the step budget starts stage 2: only the unsolvable task is active.
        try iterate(&sampler, returns: [0.9, 0.25, 0.85, 0.1, 0.3], steps: [0, 5, 0, 0, 5])
        schedule = try #require(sampler.state.hardFirst)
        #expect(schedule.stage == 2)
        #expect(schedule.activeTasks == [3])
        #expect(abs(sampler.probabilities[3] - 0.8) < 1e-15)  // 0.05 + 0.75
        for task in [0, 1, 2, 4] { #expect(abs(sampler.probabilities[task] - 0.05) < 1e-15) }

        // Stage 2 is final: later returns change nothing.
        try iterate(&sampler, returns: [0, 0, 0, 0.95, 0], steps: [10, 10, 10, 10, 10])
        #expect(sampler.state.hardFirst?.pools == schedule.pools)
        #expect(abs(sampler.probabilities[3] - 0.8) < 1e-15)
    }

    @Test func stageTwoWithoutUnsolvableTasksSamplesUniformly() throws {
        var sampler = try TaskSampler(config: config(), taskCount: 5, seed: 1)
        try iterate(&sampler, returns: [0.5, 0.5, 0.5, 0.5, 0.5], steps: [450, 450, 0, 0, 0])
        #expect(sampler.state.hardFirst?.stage == 2)
        #expect(sampler.state.hardFirst?.activeTasks == [])
        #expect(sampler.probabilities == MirrorAscent.uniform(5))
    }

    @Test func everyTaskSolvedFallsBackToUniform() throws {
        var sampler = try TaskSampler(config: config(), taskCount: 5, seed: 1)
        try iterate(&sampler, returns: [0.9, 0.9, 0.9, 0.9, 0.9], steps: [10, 10, 0, 0, 0])
        #expect(sampler.state.hardFirst?.pools == [HardFirstPool](repeating: .solved, count: 5))
        #expect(sampler.probabilities == MirrorAscent.uniform(5))
    }
}
