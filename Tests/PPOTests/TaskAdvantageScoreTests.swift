import Testing
import PPO

@Suite struct TaskAdvantageScoreTests {
    static func score(_ advantages: [Float], _ tasks: [Int32], taskCount: Int, _ normalization: AdvantageNormalization) -> [Double] {
        TaskAdvantageScore.meanAbsolute(advantages: advantages, tasks: tasks, count: advantages.count, taskCount: taskCount,
                                        normalization: normalization)
    }

    /// Task 1's advantages are task 0's times 100 plus 5: the raw score says task 1 is 100 times
    /// as promising, the per-task normalised one (what the authors feed Learning Potential) sees
    /// the same shape in both. By hand: [1, 3, 2, 6] has mean 3 and std sqrt(3.5), so the mean
    /// |z| is (2 + 0 + 1 + 3) / 4 / (sqrt(3.5) + 1e-8).
    @Test func perTaskScoreIsTheMeanAbsoluteStandardisedAdvantage() {
        let base: [Float] = [1, 3, 2, 6]
        let advantages = base + base.map { $0 * 100 + 5 }
        let tasks: [Int32] = [0, 0, 0, 0, 1, 1, 1, 1]
        let perTask = Self.score(advantages, tasks, taskCount: 3, .perTask)
        let expected = 6.0 / 4 / (3.5.squareRoot() + 1e-8)
        #expect(abs(perTask[0] - expected) < 1e-9 && abs(perTask[1] - expected) < 1e-6)
        #expect(perTask[2] == 0, "a task without rows scores 0")

        let raw = Self.score(advantages, tasks, taskCount: 3, .global)
        #expect(raw[0] == 3 && abs(raw[1] / raw[0] - 101.67) < 0.01, "global keeps the raw mean |advantage|")
    }

    @Test func rowsOfUnknownTasksAndConstantTasksAreHarmless() {
        let perTask = Self.score([4, 4, 4, -2, 9], [0, 0, 0, 7, -1], taskCount: 2, .perTask)
        #expect(perTask == [0, 0])
    }
}
