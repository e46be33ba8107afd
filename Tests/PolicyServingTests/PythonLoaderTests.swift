import ChildProcess
import Foundation
import Networks
import PPO
@testable import PolicyServing
import Testing
import TestScratch

/// The numpy loader (`python/drats/checkpoint.py`) against checkpoints PPOAgent wrote: the same
/// means, log-stds and values as the Swift networks, within 1e-5, for every task and both
/// batched and single observations. Needs python3 with numpy and safetensors (`make deps`).
@Suite struct PythonLoaderTests {
    static let pythonPackage = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("python")

    /// Imports `drats.checkpoint` without running `drats/__init__.py` (which needs gymnasium).
    static let prelude = """
        import json, sys, types
        package = types.ModuleType("drats")
        package.__path__ = [sys.argv[1] + "/drats"]
        sys.modules["drats"] = package
        from drats.checkpoint import CheckpointError, load_policy
        import numpy as np
        """

    /// Runs `script` after `prelude`, with the package folder as `sys.argv[1]`.
    static func python(_ script: String, _ arguments: [String]) throws -> ChildProcess.Output {
        try ChildProcess.python(prelude + "\n" + script, [pythonPackage.path] + arguments)
    }

    static let forwardScript = """
        policy = load_policy(sys.argv[2])
        rows = json.loads(sys.argv[3])
        obs = np.array([r[0] for r in rows], dtype=np.float32)
        tasks = [r[1] for r in rows]
        mean, log_std, value = policy.forward(obs, tasks)
        singles = [policy.forward(o, t) for o, t in zip(obs, tasks)]
        # One row or many: numpy may sum in another order, so the last bits may differ.
        close = lambda a, b: np.allclose(a, b, rtol=0, atol=1e-6)
        assert all(close(s[0], m) and close(s[1], l) and close(s[2], v) for s, m, l, v in zip(singles, mean, log_std, value))
        assert np.array_equal(policy.act(obs, tasks), mean)
        print(json.dumps({"mean": mean.tolist(), "log_std": log_std.tolist(), "value": value.tolist(),
                          "obs_size": policy.observation_size, "names": policy.task_names}))
        """

    @Test(arguments: 0..<CheckpointPolicyTests.variants.count) func numpyMatchesSwiftOnAgentCheckpoints(variant: Int) throws {
        let (mode, activation, hidden) = CheckpointPolicyTests.variants[variant]
        try compare(agent: try Fixtures.agent(logStdMode: mode, activation: activation, hidden: hidden), taskNames: nil)
    }

    @Test func numpyMatchesSwiftOnRunCheckpointsWithNamesAndSharedHeads() throws {
        try compare(agent: try Fixtures.agent(taskCount: 2), taskNames: ["reach-v3", "push-v3"])
        try compare(agent: try Fixtures.agent(logStdMode: .stateIndependent, taskCount: 3, headCount: 1), taskNames: ["a", "b", "c"])
    }

    func compare(agent: PPOAgent, taskNames: [String]?) throws {
        let scratch = try TestScratch("policy-numpy")
        defer { scratch.remove() }
        let url = scratch.file("checkpoint.safetensors")
        if let taskNames { try Fixtures.writeRunCheckpoint(agent, taskNames: taskNames, to: url) } else { try Fixtures.writeAgentCheckpoint(agent, to: url) }
        let inference = PolicyInference(checkpoint: try CheckpointPolicy.load(from: url))
        let taskCount = inference.checkpoint.taskCount
        let observations = Fixtures.observations(count: 24, size: 5, seed: 77)
        let rows: [[Any]] = observations.enumerated().map { index, observation in
            [observation.map(Double.init), (index % 2 == 0 || taskNames == nil) ? index % taskCount as Any : taskNames![index % taskCount] as Any]
        }
        let input = String(decoding: try JSONSerialization.data(withJSONObject: rows), as: UTF8.self)
        let result = try Self.python(Self.forwardScript, [url.path, input])
        try #require(result.status == 0, "python3 failed (run `make deps` for numpy and safetensors): \(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let means = try #require(answer["mean"] as? [[Double]]), logStds = try #require(answer["log_std"] as? [[Double]])
        let values = try #require(answer["value"] as? [Double])
        #expect(answer["obs_size"] as? Int == 5)
        #expect((answer["names"] as? [String]) == taskNames)
        #expect(means.count == observations.count)
        var worst: Float = 0
        for (index, observation) in observations.enumerated() {
            _ = inference.observation.update(from: observation)
            let value = try inference.evaluate(task: index % taskCount)
            for j in 0..<inference.checkpoint.actionSize {
                worst = max(worst, abs(Float(means[index][j]) - inference.mean[j]), abs(Float(logStds[index][j]) - inference.logStd[j]))
            }
            worst = max(worst, abs(Float(values[index]) - value))
        }
        #expect(worst <= 1e-5, "largest numpy-Swift difference \(worst)")
    }

    @Test func numpyLoaderRefusesBrokenFilesClearly() throws {
        let scratch = try TestScratch("policy-numpy-errors")
        defer { scratch.remove() }
        let url = scratch.file("agent.safetensors")
        try Fixtures.writeAgentCheckpoint(try Fixtures.agent(), to: url)
        let script = """
            def refused(path):
                try:
                    load_policy(path)
                except CheckpointError as error:
                    return str(error)
                return "loaded"
            policy = load_policy(sys.argv[2])
            for bad in ([1, 2, 3], [[0] * 6], np.full(5, np.nan)):
                try:
                    policy.act(bad, 0)
                    print("accepted", bad)
                except ValueError as error:
                    print("ValueError", error)
            try:
                policy.act([0] * 5, "reach-v3")
            except CheckpointError as error:
                print("CheckpointError", error)
            data = bytearray(open(sys.argv[2], "rb").read())
            data[-3] ^= 0x40
            open(sys.argv[2] + ".bad", "wb").write(bytes(data))
            print(refused(sys.argv[2] + ".bad"))
            print(refused(sys.argv[2] + ".missing"))
            """
        let result = try Self.python(script, [url.path])
        try #require(result.status == 0, "python3 failed: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0] == "ValueError observation has shape (3,); this policy takes (5,) or (N, 5): the task's observation without the one-hot task id")
        #expect(lines[1].hasPrefix("ValueError observation has shape (1, 6)"))
        #expect(lines[2] == "ValueError observation holds non-finite values")
        #expect(lines[3] == "CheckpointError unknown task 'reach-v3'; give an index 0..2 (this checkpoint carries no task names)")
        #expect(lines[4].contains("is corrupt: checksum mismatch"))
        #expect(lines[5].hasPrefix("no checkpoint at"))
    }
}
