import Foundation
import Testing
@testable import Operations

/// Reading the latest per-task figures out of metrics.jsonl.
@Suite struct MetricsSummaryTests {
    @Test func latestValuesWinInTaskOrder() {
        let lines = [
            #"{"charts/env_steps": 100, "sampler/push-v3/probability": 0.7, "sampler/reach-v3/probability": 0.3}"#,
            #"{"eval/reach-v3/success_rate": 0.5, "eval/reach-v3/return": 1200.5, "eval/push-v3/success_rate": 0}"#,
            #"{"sampler/push-v3/probability": 0.6, "sampler/reach-v3/probability": 0.4, "losses/value_loss": 3}"#,
        ]
        let summary = MetricsSummary.summarise(lines: lines, taskOrder: ["reach-v3", "push-v3"])
        #expect(summary.tasks == [
            TaskReport(task: "reach-v3", successRate: 0.5, episodeReturn: 1200.5, samplingProbability: 0.4),
            TaskReport(task: "push-v3", successRate: 0, episodeReturn: nil, samplingProbability: 0.6),
        ])
        #expect(summary.unreadableLines == 0)
    }

    @Test func unknownTasksFollowAndBadLinesAreCounted() {
        let lines = ["not json", "[1, 2]", "", #"{"eval/wall1/success_rate": 1, "sampler/probability": 2, "sampler/a/b/probability": 1, "eval/x/success_rate": "high"}"#]
        let summary = MetricsSummary.summarise(lines: lines, taskOrder: ["wall0"])
        #expect(summary.tasks == [TaskReport(task: "wall1", successRate: 1)])
        #expect(summary.unreadableLines == 2)
    }

    @Test func missingFileIsEmptyAndTornLastLineIsIgnored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("metrics.jsonl").path
        #expect(try MetricsSummary.read(path: path, taskOrder: []) == MetricsSummary(tasks: [], unreadableLines: 0))
        try (#"{"eval/reach-v3/success_rate": 0.25}"# + "\n" + #"{"eval/reach-v3/success_rate": 0.9"#).write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try MetricsSummary.read(path: path, taskOrder: ["reach-v3"])
        #expect(summary.tasks == [TaskReport(task: "reach-v3", successRate: 0.25)])
        #expect(summary.unreadableLines == 0)
    }
}
