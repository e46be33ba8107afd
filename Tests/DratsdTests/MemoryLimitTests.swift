import ChildProcess
import Foundation
import Testing

/// Configs that validate but cannot fit in memory (issue 19, item 2): `submit` and `train`
/// refuse them with the estimate, its biggest parts, the limit and where it came from, before
/// anything is registered; the limit is `--memory-limit`, else `DRATSD_MEMORY_LIMIT`, else the
/// machine's.
@Suite struct MemoryLimitTests {
    typealias Scratch = RunCommandsTests.Scratch

    /// A network at the width bound: about 640 GiB, most of it the checkpoint copies of a resume.
    static let hugeNetwork = "run: {name: huge-network}\nppo: {hiddenSizes: [65536, 65536]}\n"
    /// A rollout at the slot and step bounds, in one minibatch: about 100 TiB, beyond any machine.
    static let hugeRollout = """
        run: {name: huge-rollout, totalEnvSteps: 1_000_000_000_000}
        env: {envSlots: 4096}
        ppo: {numSteps: 10_000_000, hiddenSizes: [64, 64], numMinibatches: 1}
        """

    func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["DRATSD_MEMORY_LIMIT"] = nil
        return environment.merging(extra) { $1 }
    }

    func dratsd(_ scratch: Scratch, _ arguments: [String], _ extra: [String: String] = [:]) throws -> DratsdBinary.Result {
        try DratsdBinary.run(arguments + ["--state-dir", scratch.stateDir], environment: environment(extra))
    }

    @Test(arguments: [(hugeNetwork, ["checkpoints (4 copies): ", "networks (weights, gradients, Adam moments): ", "(ppo.hiddenSizes, env.tasks)"]),
                      (hugeRollout, ["minibatch activations and gradients: ", "rollout buffer: ", "(env.envSlots x ppo.numSteps = 40960000000 transitions)"])])
    func submitAndTrainRefuseAConfigThatCannotFitWithTheFigures(yaml: String, parts: [String]) throws {
        let scratch = try Scratch()
        let path = try scratch.config("huge.yaml", yaml)
        for command in ["submit", "train"] {
            let settings: [([String], [String: String], String)] = [
                (["--memory-limit", "8G"], ["DRATSD_MEMORY_LIMIT": "1T"], "more than the limit of 8.0 GiB (--memory-limit 8G)"),
                ([], ["DRATSD_MEMORY_LIMIT": "8G"], "more than the limit of 8.0 GiB (DRATSD_MEMORY_LIMIT=8G)"),
            ]
            for (flags, variables, limit) in settings {
                let result = try dratsd(scratch, [command, path] + flags, variables)
                let context = "\(command) \(flags) \(variables): status \(result.status), stderr: \(result.stderr)"
                #expect(result.status == 1, "\(context)")
                #expect(result.stderr.contains("\(path): a run of this config needs about "), "\(context)")
                #expect(result.stderr.contains(limit) && result.stderr.contains("raise --memory-limit or DRATSD_MEMORY_LIMIT"), "\(context)")
                for part in parts { #expect(result.stderr.contains(part), "missing '\(part)': \(context)") }
                #expect(!result.stdout.contains("queued"), "\(context)")
            }
        }
        // Without a setting the limit is the machine's; no machine has 100 TiB.
        if yaml == Self.hugeRollout {
            for command in ["submit", "train"] {
                let result = try dratsd(scratch, [command, path])
                #expect(result.status == 1 && result.stderr.contains(" TiB of memory, more than the limit of "), "\(result.stderr)")
                #expect(result.stderr.contains("% of this machine's ") && result.stderr.contains("set --memory-limit or DRATSD_MEMORY_LIMIT"),
                        "\(result.stderr)")
            }
        }
        let listed = try dratsd(scratch, ["list", "--json"])
        let runs = (try? JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))) as? [Any]
        #expect(listed.status == 0 && runs?.isEmpty == true, "nothing is registered: \(listed.stdout)")
    }

    @Test func aSmallConfigFitsAGenerousLimitAndNotATinyOne() throws {
        let scratch = try Scratch()
        let path = try scratch.config("small.yaml", RunCommandsTests.smallConfig)
        let refused = try dratsd(scratch, ["submit", path, "--memory-limit", "1M"])
        #expect(refused.status == 1 && refused.stderr.contains("more than the limit of 1.0 MiB (--memory-limit 1M)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("  process: 64.0 MiB (fixed)"), "\(refused.stderr)")
        let accepted = try dratsd(scratch, ["submit", path, "--memory-limit", "1G"], ["DRATSD_MEMORY_LIMIT": "1M"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test(arguments: [(["--memory-limit", "lots"], [:], "--memory-limit is 'lots'; give the most memory a run may use in bytes or with a binary suffix K, M, G or T"),
                      ([], ["DRATSD_MEMORY_LIMIT": "0"], "DRATSD_MEMORY_LIMIT is '0'; give the most memory"),
                      ([], ["DRATSD_MEMORY_LIMIT": "64 GB"], "DRATSD_MEMORY_LIMIT is '64 GB'")])
    func aLimitThatIsNotASizeIsRefusedNamingIt(flags: [String], variables: [String: String], message: String) throws {
        let scratch = try Scratch()
        let path = try scratch.config("small.yaml", RunCommandsTests.smallConfig)
        for arguments in [["submit", path], ["train", path], ["serve"]] {
            let result = try dratsd(scratch, arguments + flags, variables)
            #expect(result.status == 1 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }
}

/// The service checks every run it starts against its own limit, and runs started together
/// against it jointly.
extension ServeTests {
    /// A run submitted under a larger limit (or on a larger machine) fails when the service
    /// would start it, with the figures in `show`, and the service goes on to the next run.
    @Test func aStoredRunThatExceedsTheServicesLimitFailsAndTheNextRunCompletes() throws {
        let scratch = try Scratch()
        let big = try scratch.config("big.yaml", Self.gridConfig(name: "big", iterations: 2)
            .replacingOccurrences(of: "hiddenSizes: []", with: "hiddenSizes: [4096, 4096]"))
        let submitted = try DratsdBinary.run(["submit", big, "--state-dir", scratch.stateDir],
                                             environment: ProcessInfo.processInfo.environment.merging(["DRATSD_MEMORY_LIMIT": "1T"]) { $1 })
        let bigID = try #require(submitted.stdout.split(separator: "\n").last.map(String.init), "\(submitted.stderr)")
        let small = try submit(scratch, "small", iterations: 2)
        let serve = try ServeProcess(stateDir: scratch.stateDir, environment: ["DRATSD_MEMORY_LIMIT": "512M"])
        #expect(try waitUntil(timeout: 60) { try state(scratch, small) == "completed" }, "log: \(serve.log)")
        #expect(try state(scratch, bigID) == "failed")
        #expect(serve.log.contains("memory limit 512 MiB (DRATSD_MEMORY_LIMIT=512M)"), "log: \(serve.log)")
        #expect(serve.log.contains("run \(bigID) failed: config.yaml of \(bigID): a run of this config needs about "), "log: \(serve.log)")
        let shown = try scratch.dratsd(["show", bigID])
        #expect(shown.stdout.contains("more than the limit of 512 MiB (DRATSD_MEMORY_LIMIT=512M)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("networks (weights, gradients, Adam moments): ") && shown.stdout.contains("dratsd resume"), "\(shown.stdout)")
        #expect(checkpoints(scratch, bigID).isEmpty)
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0, "log: \(serve.log)")
    }

    /// With `--max-concurrent 2`, a run that fits alone but not beside the running one waits in
    /// the queue (logged once) and starts when that one finishes.
    @Test func aRunThatDoesNotFitBesideTheRunningOneWaitsForIt() throws {
        let scratch = try Scratch()
        let first = try submit(scratch, "first", iterations: 20)
        let second = try submit(scratch, "second", iterations: 2)
        // Each grid-world run needs about 65 MiB (mostly the process's share): one fits in 100M, two do not.
        let serve = try ServeProcess(stateDir: scratch.stateDir, arguments: ["--max-concurrent", "2", "--memory-limit", "100M"])
        let done = try waitUntil(timeout: 90) { try state(scratch, first) == "completed" && state(scratch, second) == "completed" }
        #expect(done, "log: \(serve.log)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0)
        #expect(peakConcurrency(serve.log) == 1, "log: \(serve.log)")
        let waits = serve.log.split(separator: "\n").filter { $0.contains("waits for memory") }
        #expect(waits.count == 1, "log: \(serve.log)")
        #expect(waits.first?.contains("run \(second) (second) waits for memory: it needs about ") == true, "log: \(serve.log)")
        #expect(waits.first?.contains("and the 1 running run about ") == true && waits.first?.contains("of the limit of 100 MiB (--memory-limit 100M)") == true,
                "log: \(serve.log)")
        let finishedFirst = try #require(serve.log.range(of: "run \(first) completed"), "log: \(serve.log)")
        let startedSecond = try #require(serve.log.range(of: "started run \(second)"), "log: \(serve.log)")
        #expect(finishedFirst.upperBound < startedSecond.lowerBound)
    }
}
