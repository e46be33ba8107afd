import ChildProcess
import Foundation
import Testing
import TestScratch

/// `submit`, `list`, `show`, `logs`, `cancel` and `resume` end to end: the real binary on a
/// temporary state directory.
@Suite struct RunCommandsTests {
    /// A fresh state directory and a folder for config files, removed at the end of the test.
    final class Scratch: Sendable {
        /// Removed with this fixture.
        private let directory: TestScratch
        var root: URL { directory.url }
        var stateDir: String { root.appendingPathComponent("state").path }

        init() throws {
            directory = try TestScratch("dratsd-cli")
        }

        func config(_ name: String, _ text: String) throws -> String {
            let path = root.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func dratsd(_ arguments: [String]) throws -> DratsdBinary.Result {
            try DratsdBinary.run(arguments + ["--state-dir", stateDir])
        }

        func runFolder(_ id: String) -> URL { root.appendingPathComponent("state/runs/\(id)") }
    }

    static let smallConfig = """
        run: {seed: 3, totalEnvSteps: 20_000}
        env: {tasks: [reach-v3, push-v3]}
        ppo: {numSteps: 100, hiddenSizes: [16]}
        sampler: {kind: uniform}
        """

    /// The value of `name` in `show`'s text (the rest of the line after the padded label).
    func field(_ text: String, _ name: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
            .map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
    }

    /// The ids in a `list --json` answer (nil when it is not a JSON array).
    func listedIDs(_ scratch: Scratch, _ arguments: [String] = []) throws -> [String]? {
        let result = try scratch.dratsd(["list", "--json"] + arguments)
        return (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])?.compactMap { $0["id"] as? String }
    }

    func submit(_ scratch: Scratch, _ path: String) throws -> String {
        let result = try scratch.dratsd(["submit", path])
        try #require(result.status == 0, "\(result.stderr)")
        let id = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        #expect(id.hasPrefix("r-"), "last line: \(id)")
        return id
    }

    @Test func submitListShowCancelResume() throws {
        let scratch = try Scratch()
        let id = try submit(scratch, try scratch.config("small.yaml", Self.smallConfig))

        let list = try scratch.dratsd(["list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains(id) && list.stdout.contains("queued") && list.stdout.contains("small"))

        let json = try scratch.dratsd(["list", "--json", "--state", "queued"])
        let records = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(records.map { $0["id"] as? String } == [id])
        #expect(records.first?["samplerName"] as? String == "uniform")
        #expect(records.first?["totalEnvSteps"] as? Int == 20_000)
        #expect(records.first?["seed"] as? Int == 3)
        #expect((records.first?["configText"] as? String)?.contains("hiddenSizes") == true)
        #expect(try listedIDs(scratch, ["--state", "completed,failed"]) == [])
        #expect(try listedIDs(scratch, ["--state", "failed", "--state", "queued"]) == [id])

        // The trainer writes metrics.jsonl into the run folder; show reads the newest values.
        let folder = scratch.runFolder(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            {"charts/env_steps": 200, "sampler/reach-v3/probability": 0.5, "sampler/push-v3/probability": 0.5}
            {"eval/reach-v3/success_rate": 0.75, "eval/reach-v3/return": 4321.5, "eval/push-v3/success_rate": 0.1, "eval/push-v3/return": 12.0}
            {"sampler/reach-v3/probability": 0.25, "sampler/push-v3/probability": 0.75}

            """.write(to: folder.appendingPathComponent("metrics.jsonl"), atomically: true, encoding: .utf8)
        let show = try scratch.dratsd(["show", String(id.prefix(id.count - 2))])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(field(show.stdout, "state") == "queued")
        #expect(field(show.stdout, "steps") == "0 / 20000 (0.0%)")
        #expect(field(show.stdout, "sampler") == "uniform, seed 3")
        let reachRow = show.stdout.split(separator: "\n").first { $0.hasPrefix("reach-v3") }.map(String.init) ?? ""
        #expect(reachRow.contains("0.75") && reachRow.contains("4321.5") && reachRow.contains("0.250"), "\(show.stdout)")
        let showJSON = try scratch.dratsd(["show", id, "--json"])
        let details = try #require(JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any])
        let tasks = try #require(details["tasks"] as? [[String: Any]])
        #expect(tasks.map { $0["task"] as? String } == ["reach-v3", "push-v3"])
        #expect(tasks.last?["samplingProbability"] as? Double == 0.75)
        #expect((details["run"] as? [String: Any])?["state"] as? String == "queued")

        let cancel = try scratch.dratsd(["cancel", id])
        #expect(cancel.status == 0)
        #expect(cancel.stdout.contains("cancelled \(id)"))
        #expect(field(try scratch.dratsd(["show", id]).stdout, "state") == "cancelled")
        let cancelAgain = try scratch.dratsd(["cancel", id])
        #expect(cancelAgain.status != 0)
        #expect(cancelAgain.stderr.contains("cannot go from cancelled to cancelled"))

        let resume = try scratch.dratsd(["resume", id])
        #expect(resume.status == 0, "\(resume.stderr)")
        #expect(resume.stdout.contains("queued \(id) again"))
        let resumeQueued = try scratch.dratsd(["resume", id])
        #expect(resumeQueued.status != 0)
        #expect(resumeQueued.stderr.contains("cannot go from queued to queued"))
        #expect(try scratch.dratsd(["list", "--state", "queued"]).stdout.contains(id))
    }

    @Test func malformedConfigsNameFileKeyAndWhatIsAllowed() throws {
        let scratch = try Scratch()
        let cases: [(yaml: String, expected: [String])] = [
            ("ppo: {clipCoeff: 0.2}\n", ["ppo.clipCoeff", "unknown key", "did you mean 'clipCoef'"]),
            ("ppo: {numSteps: many}\n", ["ppo.numSteps", "expected an integer, found 'many'"]),
            ("sampler: {stepSize: 100}\n", ["sampler.stepSize", "0 <= stepSize <= inverseTemperature"]),
            ("env: {suite: mt50}\n", ["env.suite", "one of mt10, gridworld"]),
            // What the service could not start is refused at submit too (one check for both).
            ("env: {suite: gridworld, tasks: [wall0, wall1]}\n", ["env.tasks", "trains all four tasks in order"]),
        ]
        for (index, item) in cases.enumerated() {
            let path = try scratch.config("bad\(index).yaml", item.yaml)
            let result = try scratch.dratsd(["submit", path])
            #expect(result.status != 0)
            #expect(result.stdout.isEmpty)
            for text in [path] + item.expected {
                #expect(result.stderr.contains(text), "\(item.yaml): missing '\(text)' in \(result.stderr)")
            }
        }
        // Several problems in one file are all reported, each with its line.
        let path = try scratch.config("many.yaml", "run:\n  totlEnvSteps: 5\nppo:\n  gamma: yes\n  clipCoef: 7\n")
        let result = try scratch.dratsd(["submit", path])
        #expect(result.status != 0)
        for text in ["3 problems", "\(path):2: run.totlEnvSteps", "\(path):4: ppo.gamma", "\(path):5: ppo.clipCoef"] {
            #expect(result.stderr.contains(text), "missing '\(text)' in \(result.stderr)")
        }
        let missing = try scratch.dratsd(["submit", scratch.root.appendingPathComponent("nope.yaml").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.yaml: cannot read the config: no such file"))
        let syntax = try scratch.dratsd(["submit", try scratch.config("syntax.yaml", "run: {name: [\n")])
        #expect(syntax.status != 0)
        #expect(syntax.stderr.contains("syntax.yaml:") && syntax.stderr.contains("not valid YAML"))
        #expect(try listedIDs(scratch) == [])
    }

    @Test func unknownRunIDsAndBadArgumentsFailClearly() throws {
        let scratch = try Scratch()
        for command in ["show", "logs", "cancel", "resume"] {
            let result = try scratch.dratsd([command, "r-19700101-nosuch"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("no run has the id or id prefix 'r-19700101-nosuch'"), "\(command): \(result.stderr)")
        }
        let badState = try scratch.dratsd(["list", "--state", "sleeping"])
        #expect(badState.status != 0)
        #expect(badState.stderr.contains("unknown state 'sleeping'") && badState.stderr.contains("queued, running, paused"))
        let noArgument = try scratch.dratsd(["show"])
        #expect(noArgument.status != 0)
        #expect(noArgument.stderr.contains("Missing expected argument"))
        let notADirectory = try DratsdBinary.run(["list", "--state-dir", try scratch.config("file", "x")])
        #expect(notADirectory.status != 0)
        #expect(notADirectory.stderr.contains("it exists and is not a directory"))
    }

    @Test func concurrentSubmitsFromSeveralProcessesAllLand() throws {
        let scratch = try Scratch()
        let path = try scratch.config("small.yaml", Self.smallConfig)
        // No database yet: the first processes create it at the same time.
        let count = 8
        nonisolated(unsafe) var results = [DratsdBinary.Result?](repeating: nil, count: count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = try? scratch.dratsd(["submit", path])
            lock.withLock { results[index] = result }
        }
        let ids = results.compactMap { $0 }.filter { $0.status == 0 }.compactMap { $0.stdout.split(separator: "\n").last.map(String.init) }
        #expect(ids.count == count, "\(results.map { $0?.stderr ?? "not run" })")
        #expect(Set(ids).count == count)
        let listed = try scratch.dratsd(["list", "--json"])
        let records = try #require(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(Set(records.compactMap { $0["id"] as? String }) == Set(ids))
        let ambiguous = try scratch.dratsd(["show", "r-"])
        #expect(ambiguous.status != 0)
        #expect(ambiguous.stderr.contains("the prefix 'r-' matches"), "\(ambiguous.stderr)")
    }

    @Test func logsPrintsAndFollowsUntilTheRunStops() throws {
        let scratch = try Scratch()
        let id = try submit(scratch, try scratch.config("small.yaml", Self.smallConfig))
        let none = try scratch.dratsd(["logs", id])
        #expect(none.status == 0)
        #expect(none.stderr.contains("has no train.log yet; it is queued"))

        let folder = scratch.runFolder(id)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = folder.appendingPathComponent("train.log")
        try "iteration 1\niteration 2\nhalf a li".write(to: log, atomically: true, encoding: .utf8)
        let printed = try scratch.dratsd(["logs", id])
        #expect(printed.stdout == "iteration 1\niteration 2\n")

        // Follow a queued run: new lines appear as they are written, then a cancel from another
        // process ends it, and lines written just before the cancel are not lost.
        let follower = try DratsdProcess(["logs", "-f", id, "--state-dir", scratch.stateDir])
        func append(_ text: String) throws {
            let handle = try FileHandle(forWritingTo: log)
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try handle.close()
        }
        #expect(waitUntil(timeout: 30) { follower.stdout == "iteration 1\niteration 2\n" }, "\(follower.stdout)")
        try append("ne\niteration 3\n")
        #expect(waitUntil(timeout: 30) { follower.stdout == "iteration 1\niteration 2\nhalf a line\niteration 3\n" }, "\(follower.stdout)")
        try append("iteration 4\n")
        #expect(try scratch.dratsd(["cancel", id]).status == 0)
        let status = follower.waitForExit(timeout: 30)
        #expect(status != nil, "logs -f did not stop after the run was cancelled")
        #expect(status == 0, "\(follower.stderr)")
        #expect(follower.stdout == "iteration 1\niteration 2\nhalf a line\niteration 3\niteration 4\n")
    }

    @Test func stateDirectoryComesFromTheEnvironment() throws {
        let scratch = try Scratch()
        let path = try scratch.config("small.yaml", Self.smallConfig)
        var environment = ProcessInfo.processInfo.environment
        environment["DRATSD_STATE_DIR"] = scratch.stateDir
        let submitted = try DratsdBinary.run(["submit", path], environment: environment)
        #expect(submitted.status == 0, "\(submitted.stderr)")
        let id = submitted.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(try scratch.dratsd(["list"]).stdout.contains(id))
    }
}
