import Service
import Testing

@Suite struct PeriodicScheduleTests {
    @Test func dueAtStartThenOneIntervalAfterEachRun() {
        let start = ContinuousClock.now
        var schedule = PeriodicSchedule(interval: .milliseconds(500), start: start)
        #expect(schedule.isDue(at: start))
        #expect(schedule.timeUntilDue(from: start) == .zero)
        schedule.markDone(at: start)
        #expect(!schedule.isDue(at: start + .milliseconds(499)))
        #expect(schedule.timeUntilDue(from: start + .milliseconds(100)) == .milliseconds(400))
        #expect(schedule.isDue(at: start + .milliseconds(500)))
        // Done late: the next one counts from when it was done, so no burst follows.
        schedule.markDone(at: start + .seconds(3))
        #expect(schedule.nextDue == start + .milliseconds(3500))
        #expect(schedule.timeUntilDue(from: start + .seconds(10)) == .zero)
    }

    @Test func makeDueOnlyEverBringsTheDutyForward() {
        let start = ContinuousClock.now
        var schedule = PeriodicSchedule(interval: .seconds(2), start: start)
        schedule.markDone(at: start)
        schedule.makeDue(at: start + .milliseconds(100))
        #expect(schedule.isDue(at: start + .milliseconds(100)))
        schedule.markDone(at: start + .milliseconds(100))
        schedule.makeDue(at: start + .seconds(5))
        #expect(schedule.nextDue == start + .milliseconds(2100))
    }
}
