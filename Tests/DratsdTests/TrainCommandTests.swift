import ChildProcess
import Foundation
import Testing

/// `dratsd train` and `dratsd eval` end to end: the real binary on a temporary state directory.
@Suite struct TrainCommandTests {
    typealias Scratch = RunCommandsTests.Scratch

    static let gridWorld = """
        run: {name: tiny-grid, seed: 5, totalEnvSteps: 640}
        env: {suite: gridworld, workerThreads: 1}
        ppo: {numSteps: 16, updateEpochs: 2, numMinibatches: 2, learningRate: 0.003, hiddenSizes: [], logStdMode: stateIndependent}
        sampler: {kind: drats, maxReturn: 1, hardFirstLowReturn: 0.1, hardFirstHighReturn: 0.9}
        evaluation: {everyEnvSteps: 128, episodesPerTask: 1}
        checkpoint: {everyIterations: 3, keepLast: 2}
        """

    static let mt10 = """
        run: {name: tiny-mt10, seed: 2, totalEnvSteps: 300}
        env: {suite: mt10, tasks: [reach-v3, push-v3], workerThreads: 2}
        ppo: {numSteps: 50, updateEpochs: 2, numMinibatches: 2, hiddenSizes: [16]}
        sampler: {kind: drats}
        evaluation: {everyEnvSteps: 200, episodesPerTask: 1}
        checkpoint: {everyIterations: 1, keepLast: 2}
        """

    /// The run id and folder from the last line of `train`'s output.
    func idAndFolder(_ result: DratsdBinary.Result) throws -> (id: String, folder: String) {
        let last = try #require(result.stdout.split(separator: "\n").last)
        let parts = last.split(separator: " ").map(String.init)
        try #require(parts.count == 2, "last line: \(last)")
        return (parts[0], parts[1])
    }

    func show(_ scratch: Scratch, _ id: String) throws -> [String: Any] {
        let result = try scratch.dratsd(["show", id, "--json"])
        try #require(result.status == 0, "\(result.stderr)")
        let details = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(details["run"] as? [String: Any])
    }

    @Test func trainGridWorldThenShowAndEval() throws {
        let scratch = try Scratch()
        let result = try scratch.dratsd(["train", try scratch.config("grid.yaml", Self.gridWorld)])
        #expect(result.status == 0, "\(result.stderr)")
        let (id, folder) = try idAndFolder(result)
        #expect(id.hasPrefix("r-"))
        #expect(folder == scratch.runFolder(id).path)
        // Not a terminal: one plain line per iteration.
        let iterationLines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("iter ") }
        #expect(iterationLines.count == 10)
        #expect(result.stdout.contains("completed: 640 env steps"))

        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["checkpoints", "config.yaml", "metrics.jsonl", "tensorboard", "train.log"])
        let metrics = try String(contentsOfFile: folder + "/metrics.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(metrics.count == 15)
        let log = try String(contentsOfFile: folder + "/train.log", encoding: .utf8)
        #expect(log.split(separator: "\n").filter { $0.hasPrefix("iter ") }.count == 10)

        let run = try show(scratch, id)
        #expect(run["state"] as? String == "completed")
        #expect(run["envSteps"] as? Int == 640)
        #expect(run["name"] as? String == "tiny-grid")

        let eval = try scratch.dratsd(["eval", String(id.prefix(12)), "--json", "--checkpoint", "latest"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let report = try #require(JSONSerialization.jsonObject(with: Data(eval.stdout.utf8)) as? [String: Any])
        #expect(report["envSteps"] as? Int == 640)
        #expect((report["tasks"] as? [[String: Any]])?.map { $0["task"] as? String } == ["wall0", "wall1", "wall2", "wall3"])
        let table = try scratch.dratsd(["eval", id, "--checkpoint", "best", "--episodes", "2"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("2 deterministic episodes per task"))
        #expect(table.stdout.contains("wall2"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == files)

        let unknown = try scratch.dratsd(["eval", "r-nope"])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no run has the id or id prefix 'r-nope'"))
        let badEpisodes = try scratch.dratsd(["eval", id, "--episodes", "0"])
        #expect(badEpisodes.status != 0)
        #expect(badEpisodes.stderr.contains("--episodes is 0"))
    }

    @Test func trainTinyMT10() throws {
        let scratch = try Scratch()
        let result = try scratch.dratsd(["train", try scratch.config("mt10.yaml", Self.mt10)])
        #expect(result.status == 0, "\(result.stderr)")
        let (id, folder) = try idAndFolder(result)
        let run = try show(scratch, id)
        #expect(run["state"] as? String == "completed")
        #expect(run["envSteps"] as? Int == 300)
        let checkpoints = try FileManager.default.contentsOfDirectory(atPath: folder + "/checkpoints").sorted()
        #expect(checkpoints.suffix(2) == ["step-000000000200.safetensors", "step-000000000300.safetensors"])
        let showText = try scratch.dratsd(["show", id])
        #expect(showText.stdout.contains("push-v3"))
    }

    @Test func malformedConfigsAreRejectedBeforeAnythingIsRegistered() throws {
        let scratch = try Scratch()
        let cases: [(yaml: String, expected: [String])] = [
            ("ppo: {clipCoeff: 0.2}\n", ["ppo.clipCoeff", "did you mean 'clipCoef'"]),
            ("run: {totalEnvSteps: 0}\n", ["run.totalEnvSteps"]),
            ("env: {suite: gridworld, tasks: [wall0, wall2]}\nppo: {hiddenSizes: []}\n", ["env.tasks", "wall0, wall1, wall2, wall3"]),
        ]
        for (index, item) in cases.enumerated() {
            let path = try scratch.config("bad\(index).yaml", item.yaml)
            let result = try scratch.dratsd(["train", path])
            #expect(result.status != 0)
            for text in [path] + item.expected {
                #expect(result.stderr.contains(text), "\(item.yaml): missing '\(text)' in \(result.stderr)")
            }
        }
        let missing = try scratch.dratsd(["train", scratch.root.path + "/nope.yaml"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no such file"))
        let list = try scratch.dratsd(["list", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.isEmpty == true, "\(list.stdout)")
    }

    @Test func aDivergingRunFailsWithTheReasonInShow() throws {
        let scratch = try Scratch()
        let diverging = Self.gridWorld.replacingOccurrences(of: "learningRate: 0.003", with: "learningRate: 1e30")
        let result = try scratch.dratsd(["train", try scratch.config("diverging.yaml", diverging)])
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed: 3 consecutive faults"), "\(result.stderr)")
        let (id, _) = try idAndFolder(result)
        let text = try scratch.dratsd(["show", id])
        let failure = text.stdout.split(separator: "\n").first { $0.hasPrefix("failure") } ?? ""
        #expect(failure.contains("the PPO loss or gradient was NaN or infinite") && failure.contains("(faults: 3)"), "\(text.stdout)")
        #expect(try show(scratch, id)["state"] as? String == "failed")
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalCheckpointsPausesAndSaysHowToContinue(signal: Int32) throws {
        let scratch = try Scratch()
        let long = Self.gridWorld.replacingOccurrences(of: "totalEnvSteps: 640", with: "totalEnvSteps: 6_400_000")
        let path = try scratch.config("long.yaml", long)
        let process = Process()
        process.executableURL = DratsdBinary.url
        process.arguments = ["train", path, "--state-dir", scratch.stateDir]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Wait for the first iterations in the run folder's train.log.
        let logged = waitUntil(timeout: 60) {
            let runs = (try? FileManager.default.contentsOfDirectory(atPath: scratch.stateDir + "/runs")) ?? []
            guard let run = runs.first,
                  let log = try? String(contentsOfFile: scratch.stateDir + "/runs/\(run)/train.log", encoding: .utf8) else { return false }
            return log.contains("iter 3/")
        }
        try #require(logged, "no iteration logged within 60 s")
        kill(process.processIdentifier, signal)
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signal, "\(stderr)")
        #expect(stderr.contains(signal == SIGINT ? "SIGINT: stopping after the current iteration" : "SIGTERM: stopping after the current iteration"))
        #expect(stderr.contains("dratsd resume"))
        let (id, folder) = try idAndFolder(DratsdBinary.Result(status: process.terminationStatus, stdout: stdout, stderr: stderr))
        let run = try show(scratch, id)
        #expect(run["state"] as? String == "paused")
        let steps = try #require(run["envSteps"] as? Int)
        #expect(steps >= 192 && steps < 6_400_000)
        let checkpoints = try FileManager.default.contentsOfDirectory(atPath: folder + "/checkpoints")
        #expect(checkpoints.contains(String(format: "step-%012d.safetensors", steps)))
        let resume = try scratch.dratsd(["resume", id])
        #expect(resume.status == 0, "\(resume.stderr)")
    }
}
