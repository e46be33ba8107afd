import ChildProcess
import Foundation
import Testing

/// `submit --seeds` and `report` through the real binary.
@Suite struct ReportCommandTests {
    static let gridConfig = """
        run: {name: grid, seed: 1, totalEnvSteps: 512}
        env: {suite: gridworld}
        ppo: {numSteps: 64, updateEpochs: 1, numMinibatches: 1, hiddenSizes: []}
        sampler: {kind: uniform}
        evaluation: {everyEnvSteps: 256, episodesPerTask: 1}
        """

    @Test func submitWithSeedsQueuesOneRunPerSeedAndConfig() throws {
        let scratch = try RunCommandsTests.Scratch()
        let uniform = try scratch.config("grid-uniform.yaml", Self.gridConfig)
        let drats = try scratch.config("grid-drats.yaml", Self.gridConfig.replacingOccurrences(of: "kind: uniform", with: "kind: drats"))
        let result = try scratch.dratsd(["submit", uniform, drats, "--seeds", "1,2,3"])
        try #require(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let ids = lines.filter { $0.hasPrefix("r-") }
        #expect(ids.count == 6)
        #expect(lines.last == ids.last)
        let queued = lines.filter { $0.hasPrefix("queued grid:") }
        #expect(queued.map { $0.split(separator: " ").last.map(String.init) } == ["1", "1", "2", "2", "3", "3"])
        let listed = try scratch.dratsd(["list", "--json"])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(records.compactMap { $0["seed"] as? Int } == [1, 1, 2, 2, 3, 3])
        #expect(records.compactMap { $0["samplerName"] as? String } == ["uniform", "drats", "uniform", "drats", "uniform", "drats"])
        for record in records {
            let text = try #require(record["configText"] as? String)
            #expect(text.contains("seed: \(record["seed"] as! Int)\n"))
        }

        for bad in ["1,x", "1,1", ""] {
            let refused = try scratch.dratsd(["submit", uniform, "--seeds", bad])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("--seeds"))
        }
        // One bad config queues nothing, not even the good one before it.
        let missing = try scratch.dratsd(["submit", uniform, scratch.root.appendingPathComponent("nope.yaml").path, "--seeds", "9"])
        #expect(missing.status != 0)
        let after = try scratch.dratsd(["list", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])?.count == 6)
    }

    @Test func reportWritesFilesAndPrintsJSON() throws {
        let scratch = try RunCommandsTests.Scratch()
        let config = try scratch.config("grid.yaml", Self.gridConfig)
        let submitted = try scratch.dratsd(["submit", config, "--seeds", "1,2"])
        try #require(submitted.status == 0, "\(submitted.stderr)")
        let ids = submitted.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix("r-") }
        for (index, id) in ids.enumerated() {
            let folder = scratch.runFolder(id)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let success = index == 0 ? 0.5 : 1.0
            let lines = [
                #"{"kind":"iteration","iteration":4,"env_steps":256,"sampler/wall0/probability":0.25,"sampler/wall1/probability":0.75}"#,
                #"{"kind":"evaluation","iteration":4,"env_steps":256,"eval/mean_success_rate":\#(success),"eval/worst_success_rate":0,"eval/wall0/success_rate":\#(success),"eval/wall0/return":\#(success)}"#,
            ]
            try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("metrics.jsonl"), atomically: true, encoding: .utf8)
        }
        let out = scratch.root.appendingPathComponent("out").path
        let result = try scratch.dratsd(["report", String(ids[0].dropLast(2)), ids[1], "--out", out, "--json", "--success-threshold", "0.9"])
        try #require(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let samplers = try #require(summary["samplers"] as? [[String: Any]])
        #expect(samplers.count == 1)
        #expect((samplers[0]["meanSuccess"] as? [String: Any])?["value"] as? Double == 0.75)
        #expect((samplers[0]["stepsToThreshold"] as? [String: Any])?["value"] as? String == "not reached")
        for name in ["summary.md", "learning-curves.svg", "learning-curves.png", "final-success.svg", "final-success.png",
                     "sampling-probabilities.svg", "sampling-probabilities.png"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + name), "\(name) missing")
        }

        // The same runs as folders outside the state directory (copied off a cluster node, or
        // archived) give the same summary: the folder name is the id, config.yaml the identity.
        let archive = scratch.root.appendingPathComponent("archive")
        var folderArguments: [String] = []
        for (index, id) in ids.enumerated() {
            let copy = archive.appendingPathComponent(id)
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: scratch.runFolder(id).appendingPathComponent("metrics.jsonl"),
                                             to: copy.appendingPathComponent("metrics.jsonl"))
            try Self.gridConfig.replacingOccurrences(of: "seed: 1", with: "seed: \(index + 1)")
                .write(to: copy.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
            folderArguments += ["--folder", copy.path + (index == 0 ? "/" : "")]
        }
        let fromFolders = try DratsdBinary.run(["report"] + folderArguments + ["--out", out + "-folders", "--json", "--success-threshold", "0.9",
                                                "--state-dir", scratch.root.appendingPathComponent("no-state").path])
        try #require(fromFolders.status == 0, "\(fromFolders.stderr)")
        #expect(fromFolders.stdout == result.stdout)
        #expect(!FileManager.default.fileExists(atPath: scratch.root.appendingPathComponent("no-state").path),
                "a report of folders alone opens no state directory")
        // Grouped by name, runs of one sampler under two names are two groups.
        try Self.gridConfig.replacingOccurrences(of: "name: grid", with: "name: grid-b")
            .write(to: archive.appendingPathComponent(ids[1]).appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let byName = try DratsdBinary.run(["report"] + folderArguments + ["--group-by", "name", "--out", out + "-names", "--json"])
        try #require(byName.status == 0, "\(byName.stderr)")
        let groups = try #require((try JSONSerialization.jsonObject(with: Data(byName.stdout.utf8)) as? [String: Any])?["samplers"] as? [[String: Any]])
        #expect(groups.compactMap { $0["sampler"] as? String }.sorted() == ["grid", "grid-b"])
        let badGrouping = try DratsdBinary.run(["report"] + folderArguments + ["--group-by", "seed"])
        #expect(badGrouping.status != 0 && badGrouping.stderr.contains("--group-by"))
        let notAFolder = try scratch.dratsd(["report", "--folder", config, "--out", out])
        #expect(notAFolder.status != 0)
        #expect(notAFolder.stderr.contains(config) && notAFolder.stderr.contains("not a directory"))
        let badConfig = archive.appendingPathComponent(ids[0]).appendingPathComponent("config.yaml")
        try "ppo: {numSteps: -1}\n".write(to: badConfig, atomically: true, encoding: .utf8)
        let unreadable = try scratch.dratsd(["report", "--folder", archive.appendingPathComponent(ids[0]).path, "--out", out])
        #expect(unreadable.status != 0)
        #expect(unreadable.stderr.contains(badConfig.path) && unreadable.stderr.contains("numSteps"))

        let nothing = try scratch.dratsd(["report", "--out", out])
        #expect(nothing.status != 0)
        #expect(nothing.stderr.contains("--all"))
        let badThreshold = try scratch.dratsd(["report", ids[0], "--success-threshold", "2"])
        #expect(badThreshold.status != 0)
        #expect(badThreshold.stderr.contains("--success-threshold"))
    }
}
