import ChildProcess
import Foundation
import Testing

/// `dratsd serve --metrics-textfile`: the real service writes its queue and its running runs in
/// Prometheus's text format, and says so when it stops.
@Suite(.serialized) struct ServeMetricsTextfileTests {
    typealias Scratch = RunCommandsTests.Scratch

    /// The samples of a textfile: "name{labels}" -> value; fails on a line that is neither a
    /// comment nor a sample of the exposition format.
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") { continue }
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                Issue.record("not an exposition line: \(line)")
                continue
            }
            samples[String(line[..<space])] = value
        }
        return samples
    }

    @Test func theTextfileFollowsTheQueueAndTheRunningRun() throws {
        let scratch = try Scratch()
        let long = try scratch.config("long.yaml", ServeTests.gridConfig(name: "long", iterations: 100_000))
        let submitted = try scratch.dratsd(["submit", long])
        try #require(submitted.status == 0, "\(submitted.stderr)")
        let id = try #require(submitted.stdout.split(separator: "\n").last.map(String.init))
        _ = try scratch.dratsd(["submit", long])
        let path = scratch.root.appendingPathComponent("dratsd.prom").path
        let serve = try ServeProcess(stateDir: scratch.stateDir, arguments: ["--metrics-textfile", path, "--metrics-interval-seconds", "0.5"])
        let label = "{run=\"\(id)\",name=\"long\",sampler=\"drats\",seed=\"5\"}"
        var seen: [String: Double] = [:]
        // Waits for an evaluation (every 10 iterations) to reach the file, and the progress report
        // of its iteration: the evaluation line is written to metrics.jsonl just before the
        // iteration's steps reach the registry, so one file can hold the first without the second.
        let evaluated = waitUntil(timeout: 90) {
            seen = Self.samples((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
            return seen["dratsd_run_eval_env_steps\(label)"] != nil && (seen["dratsd_run_env_steps\(label)"] ?? 0) >= 2_560
        }
        try #require(evaluated, "no evaluation in the textfile; it holds \(seen); log: \(serve.log)")
        #expect(seen["dratsd_service_up"] == 1)
        #expect(seen["dratsd_runs{state=\"running\"}"] == 1 && seen["dratsd_runs{state=\"queued\"}"] == 1)
        #expect(seen["dratsd_service_running_runs"] == 1)
        #expect(seen["dratsd_run_total_env_steps\(label)"] == Double(100_000 * 256))
        #expect((seen["dratsd_run_env_steps\(label)"] ?? 0) >= 2_560)
        #expect((seen["dratsd_run_seconds_since_progress\(label)"] ?? -1) >= 0)
        #expect(seen["dratsd_run_eval_mean_success_rate\(label)"].map { (0...1).contains($0) } == true)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644, "node_exporter runs as another user and must read the file")

        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 30) == 0, "log: \(serve.log)")
        let last = Self.samples(try String(contentsOfFile: path, encoding: .utf8))
        #expect(last["dratsd_service_up"] == 0)
        #expect(last["dratsd_runs{state=\"queued\"}"] == 2 && last["dratsd_runs{state=\"running\"}"] == 0)
        #expect(last.keys.allSatisfy { !$0.hasPrefix("dratsd_run_env_steps{") }, "no running run is left")
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
    }

    @Test func aPathNodeExporterWouldNotReadIsRefused() throws {
        let scratch = try Scratch()
        for (bad, reason) in [(scratch.root.appendingPathComponent("dratsd.txt").path, ".prom"),
                              (scratch.root.appendingPathComponent("missing/dratsd.prom").path, "existing directory")] {
            let result = try scratch.dratsd(["serve", "--metrics-textfile", bad])
            #expect(result.status != 0)
            #expect(result.stderr.contains("--metrics-textfile") && result.stderr.contains(reason), "\(result.stderr)")
        }
        let interval = try scratch.dratsd(["serve", "--metrics-interval-seconds", "0.1"])
        #expect(interval.status != 0 && interval.stderr.contains("--metrics-interval-seconds"))
    }
}
