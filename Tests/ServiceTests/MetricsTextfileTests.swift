@testable import Daemon
import Foundation
@testable import Service
import Testing

/// The exposition text itself: families with HELP and TYPE, escaped labels, numbers.
@Suite struct MetricsTextfileTests {
    @Test func rendersFamiliesAndEscapesLabels() {
        let now = Date(timeIntervalSince1970: 1_000)
        let record = RunRecord(id: "r-20261202-abcdef", name: "a \"quoted\" \\ name\nx", configText: "", configSHA256: "",
                               samplerName: "drats", seed: 3, state: .running, createdAt: now, startedAt: now,
                               updatedAt: Date(timeIntervalSince1970: 940), finishedAt: nil, envSteps: 5000, totalEnvSteps: 10_000,
                               stepsPerSecond: 1234.5, lastCheckpointPath: nil, failureReason: nil, faultCount: 1,
                               attemptCount: 1, lostAttempts: 0, cancelRequested: false, owner: nil, ownerHeartbeatAt: nil)
        let text = MetricsTextfile.render(counts: [(.queued, 2), (.running, 1)], running: [record],
                                          evaluations: [record.id: .init(envSteps: 4000, meanSuccessRate: 0.25, worstSuccessRate: 0)],
                                          status: ServiceStatus(running: 1, queued: 2), up: true, now: now)
        let lines = text.split(separator: "\n").map(String.init)
        let label = #"{run="r-20261202-abcdef",name="a \"quoted\" \\ name\nx",sampler="drats",seed="3"}"#
        #expect(lines.contains("dratsd_runs{state=\"queued\"} 2"))
        #expect(lines.contains("dratsd_run_steps_per_second\(label) 1234.5"))
        #expect(lines.contains("dratsd_run_seconds_since_progress\(label) 60"))
        #expect(lines.contains("dratsd_run_eval_mean_success_rate\(label) 0.25"))
        #expect(lines.contains("dratsd_run_faults\(label) 1"))
        // Every family is announced once, with HELP before TYPE.
        let families = lines.filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] }
        #expect(Set(families).count == families.count && families.count == 12)
        #expect(lines.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("dratsd_") })
    }

    @Test func numbersAsTheFormatSpellsThem() {
        #expect(MetricsTextfile.number(.nan) == "NaN" && MetricsTextfile.number(.infinity) == "+Inf")
        #expect(MetricsTextfile.number(3) == "3" && MetricsTextfile.number(0.5) == "0.5")
    }
}
