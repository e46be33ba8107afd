@testable import Samplers
import Testing

@Suite struct TaskRecordTests {
    private func record(_ record: inout TaskRecord, _ episodeReturn: Double, success: Bool) {
        record.record(episodeReturn: episodeReturn, success: success, successWindowEpisodes: 50, switchSuccessRate: 0.5)
    }

    @Test func taskWithoutFinishedEpisodeInWindowHasReturnZeroAndGapOne() {
        var task = TaskRecord()
        task.closeWindow()
        #expect(task.windowMeanReturn == 0 && task.windowEpisodeCount == 0)
        #expect(task.gap(maxReturn: 5000) == 1)
        // Episodes in one window do not carry over to the next, empty one.
        record(&task, 4000, success: false)
        task.closeWindow()
        #expect(task.windowMeanReturn == 4000 && abs(task.gap(maxReturn: 5000) - 0.2) < 1e-15)
        task.closeWindow()
        #expect(task.gap(maxReturn: 5000) == 1)
    }

    @Test func windowMeanIsThePlainMeanOfTheWindowsEpisodes() {
        var task = TaskRecord()
        for value in [100.0, 200, 600] { record(&task, value, success: false) }
        task.closeWindow()
        #expect(task.windowMeanReturn == 300 && task.windowEpisodeCount == 3)
        record(&task, 1000, success: false)
        task.closeWindow()
        #expect(task.windowMeanReturn == 1000 && task.previousWindowMeanReturn == 300)
    }

    @Test func targetSwitchesWhenSuccessRateExceedsHalfButNotAtExactlyHalf() {
        var task = TaskRecord()
        // 50 episodes: alternate failure/success -> exactly 25/50 = 0.5 at the end, and never above
        // 0.5 on the way (each prefix has at most half successes).
        var switchedAfter: Int? = nil
        for i in 0..<50 {
            record(&task, Double(i), success: i % 2 == 1)
            if switchedAfter == nil && task.targetTracksRunningMax { switchedAfter = i + 1 }
        }
        #expect(switchedAfter == nil, "the target switched after \(switchedAfter ?? 0) episodes")
        #expect(task.successRate == 0.5)
        #expect(task.target(maxReturn: 5000) == 5000)
        // The 51st episode pushes out a failure and adds a success: 26/50 > 0.5.
        record(&task, 10, success: true)
        #expect(task.successRate == 0.52)
        #expect(task.targetTracksRunningMax)
        #expect(task.target(maxReturn: 5000) == 49)
        // Keeps tracking the running maximum, even once the success rate falls again.
        for _ in 0..<50 { record(&task, 3, success: false) }
        record(&task, 77, success: false)
        #expect(task.successRate == 0)
        #expect(task.target(maxReturn: 5000) == 77)
        task.closeWindow()
        #expect(abs(task.gap(maxReturn: 5000) - (77 - task.windowMeanReturn) / 77) < 1e-15)
    }

    /// The switch needs a full window (docs/samplers.md). Three successes out of three (a success
    /// rate of 1) do not switch the target; the 50th episode, with 26 of 50 successful, does.
    @Test func targetSwitchNeedsAFullWindowOfEpisodes() {
        var task = TaskRecord()
        for _ in 0..<3 { record(&task, 2352, success: true) }
        #expect(task.successRate == 1)
        #expect(task.fullWindowSuccessRate(successWindowEpisodes: 50) == nil)
        #expect(!task.targetTracksRunningMax)
        #expect(task.target(maxReturn: 5000) == 5000)
        for i in 3..<49 { record(&task, 100, success: i < 26) }
        #expect(!task.targetTracksRunningMax, "49 episodes are not a full window")
        record(&task, 100, success: false)
        #expect(task.fullWindowSuccessRate(successWindowEpisodes: 50) == 26.0 / 50)
        #expect(task.targetTracksRunningMax)
        #expect(task.target(maxReturn: 5000) == 2352)
    }

    @Test func successRateCoversOnlyTheLastWindowOfEpisodes() {
        var task = TaskRecord()
        #expect(task.successRate == nil)
        for _ in 0..<50 { task.record(episodeReturn: 1, success: true, successWindowEpisodes: 50, switchSuccessRate: 1) }
        for _ in 0..<49 { task.record(episodeReturn: 1, success: false, successWindowEpisodes: 50, switchSuccessRate: 1) }
        #expect(task.successRate == 1.0 / 50)
        #expect(task.recentSuccesses.count == 50)
        #expect(task.totalEpisodeCount == 99)
        #expect(!task.targetTracksRunningMax)  // a threshold of 1 can never be exceeded
    }

    @Test func gapStaysFiniteForZeroOrNegativeTarget() {
        // A 2-episode success window, so two successes switch the target to the running max.
        var task = TaskRecord()
        task.record(episodeReturn: -4, success: true, successWindowEpisodes: 2, switchSuccessRate: 0.5)
        task.record(episodeReturn: -8, success: true, successWindowEpisodes: 2, switchSuccessRate: 0.5)
        task.closeWindow()
        #expect(task.target(maxReturn: 5000) == -4)
        #expect(task.gap(maxReturn: 5000) == 0.5)  // (-4 - (-6)) / 4
        var zero = TaskRecord()
        zero.record(episodeReturn: 0, success: true, successWindowEpisodes: 1, switchSuccessRate: 0.5)
        zero.closeWindow()
        #expect(zero.gap(maxReturn: 5000) == 0)
    }
}
