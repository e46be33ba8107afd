import Testing
@testable import Reporting

@Suite struct AxisTests {
    @Test func ticksAreNiceStepsInsideTheRange() {
        #expect(Axis.niceStep(0.23) == 0.25)
        #expect(Axis.niceStep(130) == 200)
        #expect(Axis.niceStep(1) == 1)
        #expect(Axis.niceStep(0) == 1)
        #expect(Axis.niceStep(.nan) == 1)
        #expect(Axis(label: "", minimum: 0, maximum: 1, format: Axis.fraction).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(Axis(label: "", minimum: 0, maximum: 3_000_000, count: 4, format: Axis.steps).ticks == [0, 1_000_000, 2_000_000, 3_000_000])
        // An empty range still gets an axis rather than a division by zero.
        #expect(Axis(label: "", minimum: 5, maximum: 5, format: Axis.fraction).maximum == 6)
        #expect(Axis.niceCeiling(0.43) == 0.5)
    }

    @Test func stepLabelsAreShort() {
        #expect(Axis.steps(0) == "0")
        #expect(Axis.steps(500) == "500")
        #expect(Axis.steps(2_560) == "2.56k")
        #expect(Axis.steps(1_500_000) == "1.5M")
        #expect(Axis.fraction(0.25) == "0.25")
        #expect(SummaryMarkdown.grouped(10_000) == "10,000")
        #expect(SummaryMarkdown.grouped(999) == "999")
        #expect(SummaryMarkdown.grouped(1_234_567) == "1,234,567")
    }
}
