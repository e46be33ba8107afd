import ChildProcess
import Foundation
import Testing
import Networks
@testable import PPO

/// The reference Python `safetensors` package reads our checkpoints, and the weights mean there
/// what they mean here: numpy's x @ W.T + b through the stored layers gives our policy mean.
@Suite struct PPOCheckpointInteropTests {
    @Test func pythonReproducesThePolicyMeanFromTheCheckpoint() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drats-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("agent.safetensors")
        let agent = try PPOAgentTests.makeAgent(seed: 71)
        try agent.writeCheckpoint(to: url, counters: .init(globalStep: 0, iteration: 0))

        let observation: [Float] = [0.5, -1.25, 0.75, 2, -0.5]
        let task: Int32 = 2
        var action: [Float] = [0, 0], logProb: [Float] = [0], value: [Float] = [0]
        try agent.act(observations: observation, tasks: [task], count: 1, actions: &action, logProbs: &logProb, values: &value, deterministic: true)

        let script = """
        import sys, numpy as np
        from safetensors.numpy import load_file
        t = load_file(sys.argv[1])
        x = np.array([float(v) for v in sys.argv[3].split(",")], dtype=np.float32)
        for prefix in ("actor", "critic"):
            h = x
            layer = 0
            while f"{prefix}.trunk.{layer}.weight" in t:
                h = np.maximum(h @ t[f"{prefix}.trunk.{layer}.weight"].T + t[f"{prefix}.trunk.{layer}.bias"], 0)
                layer += 1
            out = h @ t[f"{prefix}.heads.{sys.argv[2]}.weight"].T + t[f"{prefix}.heads.{sys.argv[2]}.bias"]
            print(" ".join(f"{v:.6f}" for v in out[:2] if True) if prefix == "actor" else f"{out[0]:.6f}")
        """
        let printed = try ChildProcess.pythonOutput(script, [url.path, String(task), observation.map { String($0) }.joined(separator: ",")])
        let lines = printed.split(separator: "\n")
        #expect(lines.count == 2)
        let mean = lines.first?.split(separator: " ").compactMap { Float($0) } ?? []
        let criticValue = lines.last.flatMap { Float($0) } ?? .nan
        #expect(mean.count == 2)
        for j in 0..<min(2, mean.count) { #expect(abs(mean[j] - action[j]) < 1e-5) }
        #expect(abs(criticValue - value[0]) < 1e-5)
    }
}
