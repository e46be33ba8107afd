import Daemon
import Foundation
@testable import RunExecution
import Testing

/// The cut back of `metrics.jsonl` and `train.log` to a restored iteration.
@Suite struct RunLogsTests {
    func write(_ text: String, _ path: String) throws { try text.write(toFile: path, atomically: false, encoding: .utf8) }

    @Test func metricsAreCutToTheRestoredIterationDroppingTornLines() throws {
        let scratch = try Scratch()
        let path = scratch.root + "/metrics.jsonl"
        try write("""
            {"kind":"iteration","iteration":1}
            {"kind":"evaluation","iteration":1,"eval/mean_success_rate":0.5,"eval/worst_success_rate":0}
            {"kind":"iteration","iteration":2}
            {"kind":"iteration","iteration":3}
            {"kind":"evaluation","iteration":3,"eval/mean_success_rate":1,"eval/worst_success_rate":1}
            {"kind":"iteration","iter
            """, path)
        let latest = try RunLogs.cutMetrics(path: path, after: 2)
        #expect(latest == TrainLogLine.LatestEvaluation(iteration: 1, meanSuccessRate: 0.5, worstSuccessRate: 0))
        #expect(try scratch.lines(path).map { MetricsLine.kindAndIteration(of: $0)!.iteration } == [1, 1, 2])
        // Nothing to cut: left as it is.
        #expect(try RunLogs.cutMetrics(path: path, after: 5) == latest)
        #expect(try scratch.lines(path).count == 3)
        // Back to a fresh start.
        #expect(try RunLogs.cutMetrics(path: path, after: 0) == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8).isEmpty)
        #expect(try RunLogs.cutMetrics(path: scratch.root + "/missing", after: 1) == nil)
    }

    @Test func trainLogKeepsEverythingBeforeTheFirstDiscardedIteration() throws {
        let scratch = try Scratch()
        let path = scratch.root + "/train.log"
        try write("start: x\niter 1/5 | a\niter 2/5 | b\npaused: interrupted\niter 3/5 | c\nwarning: y\niter 4/5 | d\n", path)
        try RunLogs.cutTrainLog(path: path, after: 2)
        #expect(try scratch.lines(path) == ["start: x", "iter 1/5 | a", "iter 2/5 | b", "paused: interrupted"])
        try RunLogs.cutTrainLog(path: path, after: 0)
        #expect(try scratch.lines(path) == ["start: x"])
    }
}
