import Daemon
import Foundation
import RunConfiguration
import Testing
@testable import Operations

/// `show`'s details of a run that ran: progress, failure reason, per-task figures from its folder.
@Suite struct RunDetailsTests {
    @Test func failedRunShowsProgressReasonAndTasks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("details-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: root) }
        let directory = try StateDirectory.prepare(flag: root.path)
        let store = try RunStore(stateDirectory: directory)
        let config = try RunConfig.load(yaml: "run: {name: failing, totalEnvSteps: 2000}\nenv: {tasks: [push-v3, reach-v3]}\nppo: {numSteps: 100}")
        let queued = try store.submit(RunSubmission(name: config.run.name, configText: try config.resolvedYAML(),
                                                    samplerName: "drats", seed: 1, totalEnvSteps: 2000))
        let owner = RunOwner(pid: getpid(), bootID: RunOwner.currentBootID(), leaseToken: "test-lease")
        _ = try #require(try store.claimNext(owner: owner, maxConcurrent: 1))
        _ = try store.recordProgress(queued.id, owner: owner, envSteps: 400, stepsPerSecond: 123.5)
        _ = try store.recordFault(queued.id, owner: owner, reason: "NaN in the policy loss at iteration 2")
        try store.transition(queued.id, to: .failed, owner: owner, reason: "NaN in the policy loss at iteration 2")

        let folder = try RunFolder(stateDirectory: directory, runID: queued.id)
        try folder.create(configText: queued.configText)
        try """
            {"eval/reach-v3/success_rate": 1.0, "eval/push-v3/success_rate": 0.0, "eval/push-v3/return": 55.5}
            {"sampler/push-v3/probability": 0.9, "sampler/reach-v3/probability": 0.1}
            oops

            """.write(toFile: folder.metricsPath, atomically: true, encoding: .utf8)

        let details = try RunDetails.gather(try store.lookup(queued.id), stateDirectory: directory)
        #expect(details.run.state == .failed)
        #expect(details.tasks.map(\.task) == ["push-v3", "reach-v3"])
        #expect(details.tasks.first == TaskReport(task: "push-v3", successRate: 0, episodeReturn: 55.5, samplingProbability: 0.9))
        #expect(details.unreadableMetricLines == 1)
        let text = RunFormatting.text(details)
        #expect(text.contains("state     failed"))
        #expect(text.contains("steps     400 / 2000 (20.0%)"))
        #expect(text.contains("steps/s   123.5"))
        #expect(text.contains("NaN in the policy loss at iteration 2 (faults: 1)"))
        #expect(text.contains("reach-v3  1.00     -       0.100"))
        #expect(text.contains("1 line(s) of metrics.jsonl are not JSON objects"))
        let json = try RunFormatting.json(details)
        #expect(json.contains("\"failureReason\" : \"NaN in the policy loss at iteration 2\""))
    }
}
