import ChildProcess
import Foundation
import Testing
import TestScratch

/// The Slurm client programs, for the tests.
enum SlurmCluster {
    /// Whether a Slurm controller answers here (`scripts/slurm-cluster up` starts a one-node
    /// cluster on localhost; `.ci/run` does so before `make test`).
    static let answers: Bool = (try? run("sinfo", ["-h", "-o", "%T"]))?.status == 0

    static func run(_ program: String, _ arguments: [String]) throws -> ChildProcess.Output {
        let path = ["/usr/bin/", "/usr/local/bin/"].map { $0 + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else { return ChildProcess.Output(status: 127, stdout: "", stderr: "\(program) not installed") }
        return try ChildProcess.run(URL(fileURLWithPath: path), arguments, killAfter: 60)
    }

    /// `squeue`'s state of array task `task` (`<job>_<index>`), nil once it is gone.
    static func state(_ task: String) throws -> String? {
        let output = try run("squeue", ["-h", "-j", task, "-o", "%T"])
        let text = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return output.status == 0 && !text.isEmpty ? text : nil
    }
}

/// `dratsd sweep --backend slurm` end to end on a real (one-node) Slurm cluster: the array, its
/// throttle, requeue, USR1, cancel, a kill -9, and the report. Skipped, visibly, when no cluster
/// answers.
@Suite(.serialized, .enabled(if: SlurmCluster.answers, "no Slurm cluster answers (sinfo); start one with scripts/slurm-cluster up"))
struct SlurmSweepTests {
    /// A state directory, folders for configs, and the sweep's bookkeeping files.
    final class Scratch: Sendable {
        let directory: TestScratch
        var stateDir: String { directory.path("state") }
        init() throws { directory = try TestScratch("slurm") }

        func config(_ name: String, _ text: String) throws -> String {
            let path = directory.path(name)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func dratsd(_ arguments: [String]) throws -> DratsdBinary.Result { try DratsdBinary.run(arguments + ["--state-dir", stateDir]) }

        /// The run's status.json as a dictionary.
        func status(_ id: String) throws -> [String: Any] {
            let data = try Data(contentsOf: URL(fileURLWithPath: stateDir + "/runs/\(id)/status.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        func manifest() throws -> [String: Any] {
            let sweeps = try FileManager.default.contentsOfDirectory(atPath: stateDir + "/sweeps")
            let data = try Data(contentsOf: URL(fileURLWithPath: stateDir + "/sweeps/\(try #require(sweeps.first))/sweep.json"))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }

        /// Waits (polling the status file, up to `seconds`) until `condition` holds for the run.
        func waitFor(_ id: String, seconds: Double = 120, _ what: String, _ condition: ([String: Any]) -> Bool) throws {
            if waitUntil(timeout: seconds, { (try? status(id)).map(condition) ?? false }) { return }
            let state = (try? status(id)).map { "state \($0["state"] ?? "?"), env steps \($0["envSteps"] ?? "?"), attempts \($0["attemptCount"] ?? "?")" } ?? "no status"
            let logs = ((try? FileManager.default.subpathsOfDirectory(atPath: stateDir + "/sweeps")) ?? []).filter { $0.hasSuffix(".out") }.sorted().map { path in
                "== \(path)\n" + ((try? String(contentsOfFile: stateDir + "/sweeps/" + path, encoding: .utf8)) ?? "")
                    .split(separator: "\n").filter { !$0.hasPrefix("iter ") }.joined(separator: "\n")
            }.joined(separator: "\n")
            let queue = (try? SlurmCluster.run("squeue", ["-h", "-r", "-o", "%i %T %r"]))?.stdout ?? ""
            Issue.record("run \(id): timed out waiting for \(what); \(state)\nsqueue:\n\(queue)\nlogs:\n\(logs)")
            throw CancellationError()
        }

        /// The metrics of a run without the timing fields, which differ between any two runs.
        func metrics(_ path: String) throws -> [[String: AnyHashable]] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return object.filter { !$0.key.contains("seconds") && !$0.key.contains("per_second") }
                    .compactMapValues { $0 as? AnyHashable }
            }
        }

        /// Sweep output lines starting with `prefix` (`s-` the sweep id, `r-` the run ids).
        static func ids(_ result: DratsdBinary.Result, _ prefix: String) -> [String] {
            result.stdout.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
        }
    }

    static let gridConfig = """
        run: {name: grid, seed: 1, totalEnvSteps: 1024}
        env: {suite: gridworld}
        ppo: {numSteps: 64, updateEpochs: 1, numMinibatches: 1, hiddenSizes: []}
        sampler: {kind: uniform}
        evaluation: {everyEnvSteps: 512, episodesPerTask: 1}
        """

    /// One reach slot, a checkpoint every iteration: a run of a few seconds that can be interrupted.
    static let reachConfig = """
        run: {name: reach, seed: 1, totalEnvSteps: 20000}
        env: {tasks: [reach-v3], envSlots: 1}
        ppo: {numSteps: 500, updateEpochs: 1, numMinibatches: 1, hiddenSizes: [16]}
        sampler: {kind: uniform}
        evaluation: {everyEnvSteps: 10000, episodesPerTask: 1}
        checkpoint: {everyIterations: 1}
        """

    @Test func aFourRunSweepCompletesAsAThrottledArrayWithoutADatabase() throws {
        let scratch = try Scratch()
        let config = try scratch.config("grid.yaml", Self.gridConfig)
        let result = try scratch.dratsd(["sweep", config, "run.seed=1..2", "sampler.kind=uniform,drats", "--backend", "slurm", "--max-parallel", "2"])
        try #require(result.status == 0, "\(result.stderr)")
        let sweepID = try #require(Scratch.ids(result, "s-").first)
        let ids = Scratch.ids(result, "r-")
        #expect(ids.count == 4)
        let script = try String(contentsOfFile: scratch.stateDir + "/sweeps/\(sweepID)/job.sbatch", encoding: .utf8)
        #expect(script.contains("#SBATCH --array=0-3%2") && script.contains("#SBATCH --requeue") && script.contains("#SBATCH --signal=B:USR1@120"))
        let job = try #require(try scratch.manifest()["arrayJobID"] as? String)
        for id in ids { try scratch.waitFor(id, "completion") { $0["state"] as? String == "completed" } }
        #expect(!FileManager.default.fileExists(atPath: scratch.stateDir + "/dratsd.sqlite"), "a Slurm sweep never creates the SQLite registry")

        let listed = try scratch.dratsd(["list", "--sweep", sweepID])
        #expect(listed.status == 0 && listed.stdout.split(separator: "\n").filter { $0.contains("completed (slurm \(job)_") }.count == 4, "\(listed.stdout)")
        let sweeps = try scratch.dratsd(["list", "--sweeps"])
        #expect(sweeps.stdout.contains("slurm array \(job)"))
        let shown = try scratch.dratsd(["show", ids[3]])
        #expect(shown.status == 0 && shown.stdout.contains("slurm \(job)_3"), "\(shown.stdout)")
        let logs = try scratch.dratsd(["logs", ids[0]])
        #expect(logs.status == 0 && logs.stdout.contains("completed"))
        let report = try scratch.dratsd(["report", "--sweep", sweepID, "--out", scratch.directory.path("report"), "--json"])
        try #require(report.status == 0, "\(report.stderr)")
        let samplers = try #require((try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])?["samplers"] as? [[String: Any]])
        #expect(samplers.compactMap { $0["sampler"] as? String }.sorted() == ["drats", "uniform"])
        #expect(!FileManager.default.fileExists(atPath: scratch.stateDir + "/dratsd.sqlite"))
    }

    /// A task requeued mid-run (`scontrol requeue`, like a preemption), one sent USR1 (the time
    /// limit is near: it checkpoints and requeues itself) and one killed with SIGKILL (a node
    /// failure) and requeued all finish with the metrics of an uninterrupted run.
    @Test func interruptedTasksResumeToTheMetricsOfAnUninterruptedRun() throws {
        let scratch = try Scratch()
        let config = try scratch.config("reach.yaml", Self.reachConfig)
        // One task at a time, so none finishes before the test has interrupted it.
        let result = try scratch.dratsd(["sweep", config, "run.seed=1..3", "--backend", "slurm", "--max-parallel", "1"])
        try #require(result.status == 0, "\(result.stderr)")
        let ids = Scratch.ids(result, "r-")
        let job = try #require(try scratch.manifest()["arrayJobID"] as? String)
        func started(_ status: [String: Any]) -> Bool { status["state"] as? String == "running" && (status["envSteps"] as? Int ?? 0) >= 2000 }
        func release(_ task: String) throws {
            // A requeued task waits 120 s (BeginTime) unless told otherwise. Not "now": a task
            // restarted within a second of its requeue can find the node still revoking the old
            // attempt's credential ("Killing non-startable batch job"), and then fails.
            try scratch.waitFor(ids[Int(task.split(separator: "_")[1])!], seconds: 60, "the requeue") { _ in (try? SlurmCluster.state(task)) == "PENDING" }
            _ = try SlurmCluster.run("scontrol", ["update", "JobId=\(task)", "StartTime=now+3"])
        }

        try scratch.waitFor(ids[0], "training") { started($0) }
        #expect(try SlurmCluster.run("scontrol", ["requeue", "\(job)_0"]).status == 0)
        try release("\(job)_0")

        try scratch.waitFor(ids[1], "training") { started($0) }
        #expect(try SlurmCluster.run("scancel", ["--signal=USR1", "--batch", "\(job)_1"]).status == 0)
        try release("\(job)_1")

        try scratch.waitFor(ids[2], "training") { started($0) }
        let owner = try #require(try scratch.status(ids[2])["owner"] as? [String: Any])
        #expect(kill(Int32(try #require(owner["pid"] as? Int)), SIGKILL) == 0)
        try scratch.waitFor(ids[2], seconds: 60, "the killed task to end") { _ in (try? SlurmCluster.state("\(job)_2")) == nil }
        #expect(try SlurmCluster.run("scontrol", ["requeue", "\(job)_2"]).status == 0)
        try release("\(job)_2")

        for id in ids { try scratch.waitFor(id, "completion") { $0["state"] as? String == "completed" } }
        #expect(try scratch.status(ids[0])["attemptCount"] as? Int == 2)
        #expect(try scratch.status(ids[1])["attemptCount"] as? Int == 2)
        #expect(try scratch.status(ids[2])["attemptCount"] as? Int == 2)
        let sweepID = try #require(Scratch.ids(result, "s-").first)
        let usr1Log = try String(contentsOfFile: scratch.stateDir + "/sweeps/\(sweepID)/logs/\(job)_1.out", encoding: .utf8)
        #expect(usr1Log.contains("USR1") && usr1Log.contains("resume: restored"), "\(usr1Log)")

        // The same configs trained without interruption, in the foreground.
        for (index, id) in ids.enumerated() {
            let local = try DratsdBinary.run(["train", config, "run.seed=\(index + 1)", "--state-dir", scratch.directory.path("local")])
            try #require(local.status == 0, "\(local.stderr)")
            let localID = try #require(local.stdout.split(separator: "\n").last?.split(separator: " ").first.map(String.init))
            #expect(try scratch.metrics(scratch.stateDir + "/runs/\(id)/metrics.jsonl")
                        == scratch.metrics(scratch.directory.path("local") + "/runs/\(localID)/metrics.jsonl"), "run \(index)")
        }
    }

    /// `dratsd cancel` on a running Slurm run: the task checkpoints and the run ends cancelled;
    /// on a run whose task has not started, the task never trains it.
    @Test func cancelStopsARunningTaskAndAPendingOne() throws {
        let scratch = try Scratch()
        let config = try scratch.config("reach.yaml", Self.reachConfig.replacingOccurrences(of: "20000", with: "200000"))
        let result = try scratch.dratsd(["sweep", config, "run.seed=1..2", "--backend", "slurm", "--max-parallel", "1"])
        try #require(result.status == 0, "\(result.stderr)")
        let ids = Scratch.ids(result, "r-")
        try scratch.waitFor(ids[0], "training") { $0["state"] as? String == "running" && ($0["envSteps"] as? Int ?? 0) > 0 }
        let pending = try scratch.dratsd(["cancel", ids[1]])
        #expect(pending.status == 0 && pending.stdout.contains("scancel"), "\(pending.stdout)\(pending.stderr)")
        let running = try scratch.dratsd(["cancel", String(ids[0].prefix(15))])
        #expect(running.status == 0 && running.stdout.contains("cancel requested for \(ids[0])"), "\(running.stdout)\(running.stderr)")
        try scratch.waitFor(ids[0], seconds: 60, "cancellation") { $0["state"] as? String == "cancelled" }
        #expect((try scratch.status(ids[0])["envSteps"] as? Int ?? 0) < 200_000)
        // The pending task never ran: its status file is as the sweep wrote it, and `list`
        // shows the run cancelled (the request is in its folder and Slurm has no task for it).
        #expect(try scratch.status(ids[1])["state"] as? String == "queued")
        try scratch.waitFor(ids[1], seconds: 30, "the pending task to leave squeue") { _ in (try? SlurmCluster.state("\(try! scratch.manifest()["arrayJobID"] as! String)_1")) == nil }
        let listed = try scratch.dratsd(["list"])
        func stateColumn(_ id: String) -> String? {
            listed.stdout.split(separator: "\n").first { $0.hasPrefix(id) }.map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }.map(String.init)
        }
        #expect(stateColumn(ids[1]) == "cancelled", "\(listed.stdout)")
        #expect(stateColumn(ids[0]) == "cancelled", "\(listed.stdout)")
        let again = try scratch.dratsd(["cancel", ids[0]])
        #expect(again.stdout.contains("already cancelled"))
    }
}
