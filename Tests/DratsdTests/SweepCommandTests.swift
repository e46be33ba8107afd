import ChildProcess
import Foundation
import Testing

/// Overrides on `submit` and `train`, and `sweep` with `list --sweep` and `report --sweep`,
/// through the real binary.
@Suite struct SweepCommandTests {
    static let gridConfig = ReportCommandTests.gridConfig

    func records(_ scratch: RunCommandsTests.Scratch, _ arguments: [String] = []) throws -> [[String: Any]] {
        let listed = try scratch.dratsd(["list", "--json"] + arguments)
        try #require(listed.status == 0, "\(listed.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    }

    @Test func submitOverridesAreCheckedLikeTheFileAndStored() throws {
        let scratch = try RunCommandsTests.Scratch()
        let config = try scratch.config("grid.yaml", Self.gridConfig)
        let queued = try scratch.dratsd(["submit", config, "ppo.learningRate=0.0005", "run.seed=9", "ppo.hiddenSizes=[8]"])
        try #require(queued.status == 0, "\(queued.stderr)")
        let record = try #require(try records(scratch).first)
        #expect(record["seed"] as? Int == 9)
        let text = try #require(record["configText"] as? String)
        #expect(text.contains("learningRate: 0.0005\n") && text.contains("seed: 9\n"))
        #expect(text.contains("hiddenSizes:\n  - 8\n") || text.contains("hiddenSizes: [8]"), "\(text)")

        // Problems name the argument (with "did you mean"), all at once; nothing is queued.
        let refused = try scratch.dratsd(["submit", config, "ppo.learningRat=3e-4", "ppo.clipCoef=2"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("argument 'ppo.learningRat=3e-4': ppo.learningRat: unknown key; did you mean 'learningRate'?"), "\(refused.stderr)")
        #expect(refused.stderr.contains("argument 'ppo.clipCoef=2': ppo.clipCoef:"), "\(refused.stderr)")
        let malformed = try scratch.dratsd(["submit", config, "ppo.learningRate=[1,"])
        #expect(malformed.status != 0 && malformed.stderr.contains("ppo.learningRate=[1,") && malformed.stderr.contains("not YAML"))
        let twice = try scratch.dratsd(["submit", config, "run.seed=3", "--seeds", "1,2"])
        #expect(twice.status != 0 && twice.stderr.contains("--seeds and the override 'run.seed=3'"))
        #expect(try records(scratch).count == 1)
    }

    /// `train CONFIG key=value`: the run trains with the overridden values and its config.yaml records them.
    @Test func trainTakesOverrides() throws {
        let scratch = try RunCommandsTests.Scratch()
        let config = try scratch.config("grid.yaml", Self.gridConfig)
        let trained = try scratch.dratsd(["train", config, "run.seed=4", "run.totalEnvSteps=256", "run.name=grid-overridden"])
        try #require(trained.status == 0, "\(trained.stderr)")
        let record = try #require(try records(scratch).first)
        #expect(record["state"] as? String == "completed")
        #expect(record["seed"] as? Int == 4 && record["totalEnvSteps"] as? Int == 256 && record["name"] as? String == "grid-overridden")
        let id = try #require(record["id"] as? String)
        let stored = try String(contentsOf: scratch.runFolder(id).appendingPathComponent("config.yaml"), encoding: .utf8)
        #expect(stored.contains("seed: 4\n") && stored.contains("totalEnvSteps: 256\n"))

        let unknown = try scratch.dratsd(["train", config, "evaluation.everyEnvStep=10"])
        #expect(unknown.status != 0 && unknown.stderr.contains("did you mean 'everyEnvSteps'"), "\(unknown.stderr)")
        let notAnOverride = try scratch.dratsd(["train", config, "other.yaml"])
        #expect(notAnOverride.status != 0 && notAnOverride.stderr.contains("'other.yaml' is not a key=value override"))
        #expect(try records(scratch).count == 1)
    }

    @Test func aSweepQueuesTheProductInOrderAndIsReported() throws {
        let scratch = try RunCommandsTests.Scratch()
        let config = try scratch.config("grid.yaml", Self.gridConfig)
        let result = try scratch.dratsd(["sweep", config, "run.seed=1..2", "sampler.kind=uniform,drats", "ppo.numSteps=32", "--name", "grid sweep"])
        try #require(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let sweepID = try #require(lines.first { $0.hasPrefix("s-") })
        #expect(lines.first == "sweep \(sweepID): grid sweep, 4 runs from \(config)")
        let ids = lines.filter { $0.hasPrefix("r-") }
        #expect(ids.count == 4 && lines.last == ids.last)
        #expect(lines.filter { $0.hasPrefix("queued run.seed=") }.map { $0.split(separator: ":")[0] } == [
            "queued run.seed=1 sampler.kind=uniform ppo.numSteps=32", "queued run.seed=1 sampler.kind=drats ppo.numSteps=32",
            "queued run.seed=2 sampler.kind=uniform ppo.numSteps=32", "queued run.seed=2 sampler.kind=drats ppo.numSteps=32",
        ])

        let members = try records(scratch, ["--sweep", String(sweepID.prefix(12))])
        #expect(members.compactMap { $0["id"] as? String } == ids)
        #expect(members.compactMap { $0["seed"] as? Int } == [1, 1, 2, 2])
        #expect(members.compactMap { $0["samplerName"] as? String } == ["uniform", "drats", "uniform", "drats"])
        #expect(members.allSatisfy { $0["sweepID"] as? String == sweepID && ($0["configText"] as? String)?.contains("numSteps: 32\n") == true })
        let sweeps = try scratch.dratsd(["list", "--sweeps"])
        #expect(sweeps.status == 0 && sweeps.stdout.contains(sweepID) && sweeps.stdout.contains("run.seed=1..2 sampler.kind=uniform,drats ppo.numSteps=32"))
        let shown = try scratch.dratsd(["show", ids[0]])
        #expect(shown.stdout.contains(sweepID))
        // A run submitted on its own is not in the sweep.
        _ = try scratch.dratsd(["submit", config])
        #expect(try records(scratch, ["--sweep", sweepID]).count == 4)

        for (index, id) in ids.enumerated() {
            let folder = scratch.runFolder(id)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let success = Double(index % 2) * 0.5 + 0.25
            try (#"{"kind":"evaluation","iteration":4,"env_steps":256,"eval/mean_success_rate":\#(success),"eval/worst_success_rate":0,"eval/wall0/success_rate":\#(success),"eval/wall0/return":1}"#
                + "\n").write(to: folder.appendingPathComponent("metrics.jsonl"), atomically: true, encoding: .utf8)
        }
        let out = scratch.root.appendingPathComponent("report").path
        let report = try scratch.dratsd(["report", "--sweep", sweepID, "--out", out, "--json", "--export", "csv"])
        try #require(report.status == 0, "\(report.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let samplers = try #require(summary["samplers"] as? [[String: Any]])
        #expect(samplers.compactMap { $0["sampler"] as? String }.sorted() == ["drats", "uniform"])
        let tidy = try String(contentsOfFile: out + "/tidy.csv", encoding: .utf8)
        for id in ids { #expect(tidy.contains("\(id),\(sweepID),")) }
        let unknown = try scratch.dratsd(["report", "--sweep", "s-19990101", "--out", out])
        #expect(unknown.status != 0 && unknown.stderr.contains("no sweep has the id or id prefix 's-19990101'"), "\(unknown.stderr)")
    }

    /// Every combination is checked before any is queued: one bad value queues nothing and
    /// names the combination and the argument.
    @Test func oneBadCombinationQueuesNothing() throws {
        let scratch = try RunCommandsTests.Scratch()
        let config = try scratch.config("grid.yaml", Self.gridConfig)
        let result = try scratch.dratsd(["sweep", config, "sampler.kind=uniform,hard-first", "ppo.clipCoef=0.2,1.5"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("run 2 of 4 of the sweep (sampler.kind=uniform ppo.clipCoef=1.5) cannot be queued, so none was"), "\(result.stderr)")
        #expect(result.stderr.contains("argument 'ppo.clipCoef=1.5': ppo.clipCoef:"))
        #expect(try records(scratch).isEmpty)
        for (arguments, expected) in [(["run.seed=3..1"], "is empty"), ([String](), "at least one key=values"),
                                      (["run.seed=1..20000"], "more than 10000"), (["notakey"], "not a key=values")] {
            let refused = try scratch.dratsd(["sweep", config] + arguments)
            #expect(refused.status != 0 && refused.stderr.contains(expected), "\(arguments): \(refused.stderr)")
        }
        #expect(try records(scratch).isEmpty)
    }
}
