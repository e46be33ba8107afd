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

    /// A sampler whose first active tasks are `firstActive` instead of a random draw.
    private func sampler(_ config: SamplerConfig, firstActive: [Int]) throws -> TaskSampler {
        var sampler = try TaskSampler(config: config, taskCount: 5, seed: 1)
        sampler.state.hardFirst = HardFirstSchedule(taskCount: 5, config: config, firstActive: firstActive)
        return sampler
    }

    /// One training iteration: one episode per task with the given return (none for nil), then
    /// the given steps, then an update.
    private func iterate(_ sampler: inout TaskSampler, returns: [Double?], steps: [Int]) throws {
        for (task, value) in returns.enumerated() {
            if let value { try sampler.observeEpisode(task: task, return: value, success: false) }
        }
        try sampler.observeLearnerStatistics(meanAbsoluteAdvantage: [Double](repeating: 0, count: 5), stepsPerTask: steps)
        sampler.update()
    }

    @Test func firstActiveTasksAreASeededRandomDrawAndQStaysUniformUntilTheFirstUpdate() throws {
        var drawn: Set<[Int]> = []
        for seed: UInt64 in 1...20 {
            var sampler = try TaskSampler(config: config(), taskCount: 5, seed: seed)
            let schedule = try #require(sampler.state.hardFirst)
            #expect(schedule.stage == 1)
            #expect(schedule.activeTasks.count == 2)
            #expect(schedule.pools.filter { $0 == .main }.count == 3)
            for task in schedule.activeTasks { #expect(schedule.remainingBudgetSteps[task] == 400) }  // 0.8 x 1000 / 2
            #expect(sampler.probabilities == MirrorAscent.uniform(5))
            #expect(try TaskSampler(config: config(), taskCount: 5, seed: seed).state.hardFirst == schedule, "same seed, same draw")
            drawn.insert(schedule.activeTasks)
            // The draw has its own stream: the task draws are those of a uniform sampler's.
            var uniformConfig = config()
            uniformConfig.kind = .uniform
            var uniform = try TaskSampler(config: uniformConfig, taskCount: 5, seed: seed)
            let draws = (0..<50).map { _ in sampler.sampleTask() }
            #expect(draws == (0..<50).map { _ in uniform.sampleTask() })
        }
        #expect(drawn.count >= 5, "20 seeds drew only \(drawn)")
    }

    @Test func movesTasksBetweenPoolsAndStagesAsSpecified() throws {
        var sampler = try sampler(config(), firstActive: [0, 1])
        // Task 0 exceeds high: solved at once, budget left or not. Task 1 keeps going. The free
        // slot goes to the hardest main-pool task: task 3 (return 0.1).
        try iterate(&sampler, returns: [0.9, 0.5, 0.5, 0.1, 0.3], steps: [100, 100, 0, 0, 0])
        var schedule = try #require(sampler.state.hardFirst)
        #expect(schedule.pools == [.solved, .active, .main, .active, .main])
        #expect(schedule.consumedSteps == 200)
        #expect(schedule.remainingBudgetSteps[1] == 300)
        #expect(schedule.remainingBudgetSteps[3] == 320)  // 0.8 x (1000 - 200) / 2
        #expect(sampler.metrics().map(\.hardFirstPool) == schedule.pools)
        let expected = [0.05, 0.425, 0.05, 0.425, 0.05]  // 0.05 + (1 - 5 x 0.05) / 2
        for (p, e) in zip(sampler.probabilities, expected) { #expect(abs(p - e) < 1e-15) }

        // Task 1 spends its budget with a return between low and high: back to the main pool,
        // and (being the hardest there now) activated again with a fresh budget. Task 3 spends
        // its budget below low: unsolvable. Task 4 (0.3) is the next hardest.
        try iterate(&sampler, returns: [0.9, 0.25, 0.5, 0.1, 0.3], steps: [0, 300, 0, 320, 0])
        schedule = try #require(sampler.state.hardFirst)
        #expect(schedule.pools == [.solved, .active, .main, .unsolvable, .active])
        #expect(schedule.consumedSteps == 820)
        #expect(schedule.remainingBudgetSteps[1] == 72)  // 0.8 x 180 / 2
        #expect(schedule.remainingBudgetSteps[4] == 72)

        // A main-pool task whose return exceeds high is not solved: only active tasks are judged.
        try iterate(&sampler, returns: [0.9, 0.25, 0.85, 0.1, 0.3], steps: [0, 10, 0, 0, 10])
        schedule = try #require(sampler.state.hardFirst)
        #expect(schedule.pools[2] == .main)
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

    @Test func eachTaskIsSolvedAgainstItsOwnHighThreshold() throws {
        var config = config()
        config.hardFirstHighReturnPerTask = [0.8, 0.95, 0.8, 0.8, 0.8]
        var sampler = try sampler(config, firstActive: [0, 1])
        try iterate(&sampler, returns: [0.9, 0.9, 0.5, 0.5, 0.5], steps: [10, 10, 0, 0, 0])
        #expect(sampler.state.hardFirst?.pools[0] == .solved)
        #expect(sampler.state.hardFirst?.pools[1] == .active, "0.9 does not pass task 1's 0.95")
        try iterate(&sampler, returns: [nil, 0.96, 0.5, 0.5, 0.5], steps: [0, 10, 0, 0, 0])
        #expect(sampler.state.hardFirst?.pools[1] == .solved)
    }

    @Test func rankingUsesTheWindowJustClosedWithZeroForATaskWithoutEpisodes() throws {
        var sampler = try sampler(config(), firstActive: [0, 1])
        try iterate(&sampler, returns: [0.5, 0.5, 0.6, 0.3, 0.4], steps: [100, 100, 0, 0, 0])
        #expect(sampler.state.hardFirst?.pools == [.active, .active, .main, .main, .main])
        // Task 0 is solved; task 2 finished no episode in this window, so its return is 0 and it
        // is the hardest main-pool task, though its last return (0.6) was above task 3's (0.3).
        try iterate(&sampler, returns: [0.9, 0.5, nil, 0.3, 0.4], steps: [100, 100, 0, 0, 0])
        #expect(sampler.state.hardFirst?.pools == [.solved, .active, .active, .main, .main])
        // An active task without episodes in the window is not solved (its return is 0).
        try iterate(&sampler, returns: [nil, nil, nil, 0.3, 0.4], steps: [0, 0, 0, 0, 0])
        #expect(sampler.state.hardFirst?.pools == [.solved, .active, .active, .main, .main])
    }

    @Test func stageTwoWithoutUnsolvableTasksSamplesUniformly() throws {
        var sampler = try sampler(config(), firstActive: [0, 1])
        try iterate(&sampler, returns: [0.5, 0.5, 0.5, 0.5, 0.5], steps: [450, 450, 0, 0, 0])
        #expect(sampler.state.hardFirst?.stage == 2)
        #expect(sampler.state.hardFirst?.activeTasks == [])
        #expect(sampler.probabilities == MirrorAscent.uniform(5))
    }

    @Test func everyTaskSolvedFallsBackToUniform() throws {
        var sampler = try TaskSampler(config: config(), taskCount: 5, seed: 3)
        // Two tasks are judged per update (K = 2): five need three updates.
        for _ in 0..<3 { try iterate(&sampler, returns: [0.9, 0.9, 0.9, 0.9, 0.9], steps: [10, 10, 0, 0, 0]) }
        #expect(sampler.state.hardFirst?.pools == [HardFirstPool](repeating: .solved, count: 5))
        #expect(sampler.probabilities == MirrorAscent.uniform(5))
    }
}
