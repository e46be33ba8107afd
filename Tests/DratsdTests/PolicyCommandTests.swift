import ChildProcess
import Foundation
import Testing

/// `dratsd policy` and `dratsd bench policy` end to end: the real binary on the checkpoint of a
/// real `dratsd train` run, and its refusals of files that are no checkpoint. (Numbers are
/// checked in PolicyServingTests and, against numpy, by pytest.)
@Suite struct PolicyCommandTests {
    typealias Scratch = RunCommandsTests.Scratch

    static let config = """
        run: {name: policy-mt10, seed: 4, totalEnvSteps: 200}
        env: {suite: mt10, tasks: [reach-v3, drawer-open-v3]}
        ppo: {numSteps: 50, updateEpochs: 2, numMinibatches: 2, hiddenSizes: [16], activation: tanh}
        evaluation: {everyEnvSteps: 1_000_000, episodesPerTask: 1}
        checkpoint: {everyIterations: 1, keepLast: 1}
        """

    /// The newest checkpoint of a tiny MT10 run trained by the real binary.
    static func trainedCheckpoint(_ scratch: Scratch) throws -> String {
        let result = try scratch.dratsd(["train", try scratch.config("policy.yaml", config)])
        try #require(result.status == 0, "\(result.stderr)")
        let folder = try #require(result.stdout.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/checkpoints").filter { $0.hasSuffix(".safetensors") }.sorted()
        return folder + "/checkpoints/" + (try #require(names.last))
    }

    @Test func trainedRunCheckpointAnswersByIndexAndName() throws {
        let scratch = try Scratch()
        let checkpoint = try Self.trainedCheckpoint(scratch)
        let observation = "[" + (0..<39).map { String(Double($0) / 39) }.joined(separator: ",") + "]"
        let result = try DratsdBinary.run(["policy", checkpoint], stdin: """
            {"observation":\(observation),"task":1}
            {"observation":\(observation),"task":"drawer-open-v3"}
            {"observation":\(observation),"task":"reach-v3"}
            {"observation":[1,2],"task":0}

            """)
        #expect(result.status == 0, "\(result.stderr)")
        let answers = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        try #require(answers.count == 4)
        let action = try #require(answers[0]["action"] as? [Double])
        #expect(action.count == 4 && action == answers[0]["mean"] as? [Double])
        #expect(answers[0]["value"] is Double && (answers[0]["log_std"] as? [Double])?.count == 4)
        #expect(answers[1]["action"] as? [Double] == action)
        #expect(answers[2]["action"] as? [Double] != action)
        #expect(answers[3]["error"] as? String == "observation has 2 values; this policy takes 39 (the task's observation without the one-hot task id)")

        let bench = try DratsdBinary.run(["bench", "policy", checkpoint, "--calls", "50", "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(bench.stdout.utf8)) as? [String: Any])
        #expect(report["activation"] as? String == "tanh" && report["taskCount"] as? Int == 2 && report["observationSize"] as? Int == 39)
        #expect((report["inferenceMicrosecondsPerCall"] as? Double ?? 0) > 0 && (report["lineMicrosecondsPerCall"] as? Double ?? 0) > 0)
        #expect(try DratsdBinary.run(["bench", "policy", checkpoint, "--calls", "0"]).status != 0)
    }

    @Test func missingCheckpointExitsWithTheReason() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("drats-no-such-\(UUID().uuidString).safetensors").path
        let result = try DratsdBinary.run(["policy", path], stdin: "{\"observation\":[],\"task\":0}\n")
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("cannot read checkpoint \(path): no such file"))
    }

    /// A folder above the checkpoint that this user may not enter: "permission denied", not
    /// "no such file" (run as user nobody, since root may enter any folder).
    @Test(.enabled(if: DratsdBinary.canRunAsAnotherUser, "needs root and setpriv"))
    func aFolderThatDeniesAccessSaysSo() throws {
        var template = Array("/tmp/drats-denied-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        let folder = try #require(made.map { String(cString: $0) })
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/step-100.safetensors"
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(folder, 0o700) == 0)
        let result = try DratsdBinary.runAsUser(65534, ["policy", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot read checkpoint \(path): permission denied"), "\(result.stderr)")
    }

    @Test func fileWithoutAChecksumIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drats-foreign-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        // A valid safetensors file (an empty header) that drats did not write.
        var bytes: [UInt8] = [2, 0, 0, 0, 0, 0, 0, 0]
        bytes += Array("{}".utf8)
        try Data(bytes).write(to: url)
        let result = try DratsdBinary.run(["policy", url.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("checksum"))
    }
}
