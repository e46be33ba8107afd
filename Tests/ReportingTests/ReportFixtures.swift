import Daemon
import Foundation

/// A real state directory and run store holding submitted grid-world runs whose
/// `metrics.jsonl` files are written by hand, so reports can be checked against known numbers.
struct ReportFixtures {
    let directory: StateDirectory
    let store: RunStore

    init() throws {
        let path = NSTemporaryDirectory() + "reporting-fixture-\(getpid())-\(UUID().uuidString)"
        directory = try StateDirectory.prepare(flag: path)
        store = try RunStore(stateDirectory: directory)
    }

    /// The repository's grid-world config with `sampler.kind` and `run.seed` replaced.
    static func configText(sampler: String, seed: UInt64) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("configs/gridworld.yaml"), encoding: .utf8)
        return text.replacingOccurrences(of: "kind: drats", with: "kind: \(sampler)")
            .replacingOccurrences(of: "seed: 1\n", with: "seed: \(seed)\n")
    }

    /// One evaluation line; `success`, `returns` (until the first success) and
    /// `fullEpisodeReturns` are per task wall0..wall3. nil `fullEpisodeReturns` writes no
    /// `full_episode_return` keys, as a trainer did before it recorded them.
    static func evaluation(iteration: Int, steps: Int, success: [Double], returns: [Double], fullEpisodeReturns: [Double]?) -> String {
        var fields = ["\"kind\":\"evaluation\"", "\"iteration\":\(iteration)", "\"env_steps\":\(steps)", "\"wall_seconds\":1.5",
                      "\"eval/mean_success_rate\":\(success.reduce(0, +) / Double(success.count))",
                      "\"eval/worst_success_rate\":\(success.min()!)"]
        for (index, value) in success.enumerated() { fields.append("\"eval/wall\(index)/success_rate\":\(value)") }
        for (index, value) in returns.enumerated() { fields.append("\"eval/wall\(index)/return\":\(value)") }
        for (index, value) in (fullEpisodeReturns ?? []).enumerated() { fields.append("\"eval/wall\(index)/full_episode_return\":\(value)") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    static func iteration(_ iteration: Int, steps: Int, probabilities: [Double]) -> String {
        var fields = ["\"kind\":\"iteration\"", "\"iteration\":\(iteration)", "\"env_steps\":\(steps)", "\"wall_seconds\":1",
                      "\"steps_per_second\":1000", "\"losses/policy_loss\":0.1"]
        for (index, value) in probabilities.enumerated() { fields.append("\"sampler/wall\(index)/probability\":\(value)") }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Submits a run and writes its metrics; returns its id.
    @discardableResult
    func addRun(sampler: String, seed: UInt64, lines: [String]) throws -> String {
        let record = try store.submit(RunSubmission(name: "gridworld-\(sampler)", configText: try Self.configText(sampler: sampler, seed: seed),
                                                    samplerName: sampler, seed: seed, totalEnvSteps: 200_000))
        let folder = try RunFolder(stateDirectory: directory, runID: record.id)
        try folder.create(configText: record.configText)
        try (lines.joined(separator: "\n") + "\n").write(toFile: folder.metricsPath, atomically: true, encoding: .utf8)
        return record.id
    }

    /// Evaluations at 256 and 512 steps with the given final per-task success and full-episode
    /// returns (none with `recordsFullEpisodeReturns` false). The until-success returns run the
    /// other way (2 - full-episode return), as solving ends an evaluation episode early, so a
    /// report that normalised them would get other numbers.
    static func simpleRun(first: [Double], final: [Double], finalFullEpisodeReturns: [Double],
                          recordsFullEpisodeReturns: Bool = true) -> [String] {
        [iteration(1, steps: 256, probabilities: [0.4, 0.3, 0.2, 0.1]),
         evaluation(iteration: 1, steps: 256, success: first, returns: first.map { 2 - $0 },
                    fullEpisodeReturns: recordsFullEpisodeReturns ? first : nil),
         iteration(2, steps: 512, probabilities: [0.1, 0.2, 0.3, 0.4]),
         evaluation(iteration: 2, steps: 512, success: final, returns: finalFullEpisodeReturns.map { 2 - $0 },
                    fullEpisodeReturns: recordsFullEpisodeReturns ? finalFullEpisodeReturns : nil)]
    }
}
