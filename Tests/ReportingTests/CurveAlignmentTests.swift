import Testing
@testable import Reporting

@Suite struct CurveAlignmentTests {
    @Test func keepsOnlyStepsEveryCurveHasAndEndsWithTheShortestRun() {
        let a = [(step: 100, value: 0.1), (step: 200, value: 0.2), (step: 300, value: 0.3)]
        let b = [(step: 100, value: 0.5), (step: 200, value: 0.6)]
        let c = [(step: 200, value: 0.9), (step: 100, value: 0.7), (step: 300, value: 1.0)]
        let aligned = CurveAlignment.align([a, b, c])
        #expect(aligned.map(\.step) == [100, 200])
        #expect(aligned.map(\.values) == [[0.1, 0.5, 0.7], [0.2, 0.6, 0.9]])
    }

    @Test func differentEvaluationStepsShareNothingAndNothingIsInterpolated() {
        let a = [(step: 100, value: 0.1), (step: 200, value: 0.2)]
        let b = [(step: 150, value: 0.5), (step: 250, value: 0.6)]
        #expect(CurveAlignment.align([a, b]).isEmpty)
    }

    @Test func oneCurveIsItselfAndNoCurvesNothing() {
        let a = [(step: 300, value: 0.3), (step: 100, value: 0.1)]
        #expect(CurveAlignment.align([a]).map(\.step) == [100, 300])
        #expect(CurveAlignment.align([]).isEmpty)
        #expect(CurveAlignment.sharedSteps([[], a]).isEmpty)
    }
}
