import ChildProcess
import Foundation
import Testing

/// `dratsd serve` end to end: the real binary on a temporary state directory, a datagram socket
/// standing in for systemd, real signals (SIGTERM, SIGKILL) and real training runs.
@Suite(.serialized) struct ServeTests {
    typealias Scratch = RunCommandsTests.Scratch

    /// A grid-world run of `iterations` iterations (256 env steps each), checkpointed every iteration.
    static func gridConfig(name: String, iterations: Int, seed: Int = 5) -> String {
        """
        run: {name: \(name), seed: \(seed), totalEnvSteps: \(iterations * 256)}
        env: {suite: gridworld}
        ppo: {numSteps: 64, updateEpochs: 2, numMinibatches: 2, learningRate: 0.003, entCoef: 0.0, hiddenSizes: [], logStdMode: stateIndependent}
        sampler: {kind: drats, inverseTemperature: 8, stepSize: 0.5, floor: 0.01, maxReturn: 1}
        evaluation: {everyEnvSteps: 2_560, episodesPerTask: 1}
        checkpoint: {everyIterations: 1, keepLast: 2}
        """
    }

    /// The two suites a run can train on, with a tiny config each for the crash test.
    enum EnvSuiteCase: String, CaseIterable, Sendable {
        case gridworld, mt10

        /// Environment steps per iteration of `config`.
        var stepsPerIteration: Int { self == .gridworld ? 256 : 200 }
        var iterations: Int { self == .gridworld ? 120 : 40 }

        func config(name: String) -> String {
            switch self {
            case .gridworld: ServeTests.gridConfig(name: name, iterations: iterations)
            case .mt10:
                """
                run: {name: \(name), seed: 3, totalEnvSteps: \(iterations * stepsPerIteration)}
                env: {tasks: [reach-v3, push-v3]}
                ppo: {numSteps: 100, hiddenSizes: [16], updateEpochs: 2, numMinibatches: 2}
                sampler: {kind: drats}
                evaluation: {everyEnvSteps: 2000, episodesPerTask: 1}
                checkpoint: {everyIterations: 1, keepLast: 2}
                """
            }
        }
    }

    func submit(_ scratch: Scratch, _ name: String, iterations: Int) throws -> String {
        let path = try scratch.config(name + ".yaml", Self.gridConfig(name: name, iterations: iterations))
        let result = try scratch.dratsd(["submit", path])
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(result.stdout.split(separator: "\n").last.map(String.init))
    }

    /// The run records, by id, from `dratsd list --json`.
    func records(_ scratch: Scratch) throws -> [String: [String: Any]] {
        let result = try scratch.dratsd(["list", "--json"])
        let list = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
        return Dictionary(uniqueKeysWithValues: list.compactMap { record in (record["id"] as? String).map { ($0, record) } })
    }

    func state(_ scratch: Scratch, _ id: String) throws -> String? {
        try records(scratch)[id]?["state"] as? String
    }

    func checkpoints(_ scratch: Scratch, _ id: String) -> [String] {
        let folder = scratch.runFolder(id).appendingPathComponent("checkpoints").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".safetensors") }.sorted()
    }

    /// metrics.jsonl as JSON objects, without the keys that measure time.
    func metrics(_ folder: URL) throws -> [[String: Double]] {
        let text = try String(contentsOf: folder.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            var numbers: [String: Double] = [:]
            for (key, value) in object where key != "wall_seconds" && key != "steps_per_second" {
                if let number = value as? Double { numbers[key] = number }
                if let kind = value as? String { numbers["kind=" + kind] = 1 }
            }
            return numbers
        }
    }

    /// The most runs the service had training at once, replayed from its event log
    /// ("started run X" ... "run X completed/cancelled/...").
    func peakConcurrency(_ log: String) -> Int {
        var running = Set<String>(), peak = 0
        for line in log.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if let index = words.firstIndex(of: "started"), index + 2 < words.count, words[index + 1] == "run" {
                running.insert(words[index + 2])
            } else if let index = words.firstIndex(of: "run"), index + 2 < words.count, index == 2,
                      ["completed", "cancelled", "failed:", "paused:", "checkpointed"].contains(words[index + 2]) {
                running.remove(words[index + 1])
            }
            peak = max(peak, running.count)
        }
        return peak
    }

    /// Samples the database's running count every 50 ms until `done` says stop; the largest seen.
    func sampledPeakRunning(_ scratch: Scratch, timeout: Double, until done: ([String: [String: Any]]) -> Bool) throws -> (peak: Int, finished: Bool) {
        var peak = 0
        let finished = try waitUntil(timeout: timeout) {
            let all = try records(scratch)
            peak = max(peak, all.values.filter { $0["state"] as? String == "running" }.count)
            return done(all)
        }
        return (peak, finished)
    }

    /// Whether every thread of process `pid` is stopped (SIGSTOP), as /proc shows it.
    static func everyThreadStopped(_ pid: Int32) -> Bool {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return !tasks.isEmpty && tasks.allSatisfy { task in
            // The state is the first field after the parenthesised command name.
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8)) ?? ""
            guard let nameEnd = stat.lastIndex(of: ")") else { return false }
            return stat[nameEnd...].dropFirst(2).first == "T"
        }
    }

    /// Whether the run database's write lock is free (no process is inside a write
    /// transaction), asked of SQLite itself through Python's sqlite3 module.
    static func databaseWriteLockIsFree(_ stateDir: String) throws -> Bool {
        let result = try ChildProcess.python("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
            try:
                db.execute("BEGIN IMMEDIATE")
                db.execute("ROLLBACK")
            except sqlite3.OperationalError:
                sys.exit(3)
            """, [stateDir + "/dratsd.sqlite"])
        try #require(result.status == 0 || result.status == 3, "\(result.stderr)")
        return result.status == 0
    }

    @Test func readyStatusWatchdogAndACleanExitOnSIGTERM() throws {
        let scratch = try Scratch()
        let listener = try NotifyListener(directory: scratch.root.path)
        defer { listener.stop() }
        let serve = try ServeProcess(stateDir: scratch.stateDir,
                                     environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "300000"])
        #expect(listener.waitForLine(timeout: 30) { $0 == "READY=1" } != nil, "log: \(serve.log)")
        #expect(listener.waitForLine(timeout: 30) { $0 == "STATUS=0 running, 0 queued" } != nil, "\(listener.lines)")
        // Keep-alives every 150 ms (half of WATCHDOG_USEC), from the service loop, neither
        // missing nor flooding. They are counted between two markers the test sends to the
        // socket itself: those in between were sent between the two clock readings.
        let interval = Duration.milliseconds(150)
        let windowStart = ContinuousClock.now
        let first = try #require(try listener.mark(), "\(listener.lines)")
        func keepAlives(_ lines: [String]) -> Int { lines.filter { $0 == "WATCHDOG=1" }.count }
        // Not missing: ten more come (1.5 s on an idle machine; load only makes it take longer).
        let kept = waitUntil(timeout: 60) { keepAlives(listener.lines(after: first)) >= 10 }
        #expect(kept, "\(keepAlives(listener.lines(after: first))) keep-alives in 60 s")
        let last = try #require(try listener.mark(), "\(listener.lines)")
        let window = ContinuousClock.now - windowStart
        // Not flooding: the loop sends one only when an interval has passed since the clock
        // reading of the iteration that sent the previous one, and that reading follows the
        // previous send. So at most window/interval + 2 (the first one in the window may have
        // been due before it), however loaded the machine: load only delays keep-alives.
        let sent = keepAlives(listener.lines(after: first, before: last))
        #expect(Double(sent) <= window / interval + 2, "\(sent) keep-alives in \(window)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 10) == 0, "log: \(serve.log)")
        #expect(listener.waitForLine(timeout: 30) { $0 == "STOPPING=1" } != nil, "\(listener.lines)")
        #expect(serve.log.contains("dratsd serve: ready: state directory"))
        #expect(serve.log.contains("dratsd serve: SIGTERM: stopping"))
        #expect(serve.log.contains("dratsd serve: stopped cleanly; 0 queued"))
    }

    @Test func noWatchdogWhenItIsMeantForAnotherProcess() throws {
        let scratch = try Scratch()
        let listener = try NotifyListener(directory: scratch.root.path)
        defer { listener.stop() }
        let serve = try ServeProcess(stateDir: scratch.stateDir,
                                     environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "200000", "WATCHDOG_PID": "1"])
        #expect(listener.waitForLine(timeout: 30) { $0 == "READY=1" } != nil, "log: \(serve.log)")
        #expect(waitUntil(timeout: 30) { serve.log.contains("no watchdog") }, "log: \(serve.log)")
        // Instead of a pause, something the service loop does anyway: a run submitted now is
        // claimed, trained and finished, and the loop sends its status lines. Every iteration
        // of the loop sends a due keep-alive before anything else and the first is due at once,
        // so had the watchdog been ours, keep-alives would have come ahead of those lines.
        let id = try submit(scratch, "tiny", iterations: 2)
        let finished = listener.waitForLine(timeout: 60) { $0 == "STATUS=0 running, 0 queued, last: run \(id) completed" }
        #expect(finished != nil, "\(listener.lines); log: \(serve.log)")
        #expect(listener.lines.contains("STATUS=1 running, 0 queued, last: run \(id) started"), "\(listener.lines)")
        #expect(!listener.lines.contains("WATCHDOG=1"))
        serve.send(SIGINT)
        #expect(serve.waitForExit(timeout: 10) == 0, "log: \(serve.log)")
        #expect(serve.log.contains("SIGINT: stopping"))
    }

    @Test func sigtermCheckpointsTheRunningRunAndPutsItBackInTheQueue() throws {
        let scratch = try Scratch()
        let id = try submit(scratch, "long", iterations: 100_000)
        let listener = try NotifyListener(directory: scratch.root.path)
        defer { listener.stop() }
        let serve = try ServeProcess(stateDir: scratch.stateDir, environment: ["NOTIFY_SOCKET": listener.path])
        let training = waitUntil(timeout: 60) { !checkpoints(scratch, id).isEmpty }
        try #require(training, "no checkpoint appeared; log: \(serve.log)")
        // Sent before the run began, so it is ahead of the marker.
        try #require(try listener.mark() != nil)
        #expect(listener.lines.contains("STATUS=1 running, 0 queued, last: run \(id) started"), "\(listener.lines)")
        #expect(try state(scratch, id) == "running")

        serve.send(SIGTERM)
        let stopped = ContinuousClock.now
        #expect(serve.waitForExit(timeout: 20) == 0, "log: \(serve.log)")
        let stopSeconds = ContinuousClock.now - stopped
        #expect(stopSeconds < .seconds(20))
        try #require(try listener.mark() != nil)   // everything the service sent has arrived
        #expect(listener.lines.contains("STOPPING=1"))
        #expect(listener.lines.contains { $0.hasPrefix("STATUS=stopping: checkpointing 1 run") }, "\(listener.lines)")
        #expect(serve.log.contains("run \(id) checkpointed and requeued"), "log: \(serve.log)")

        let record = try #require(try records(scratch)[id])
        #expect(record["state"] as? String == "queued")
        let steps = try #require(record["envSteps"] as? Int)
        #expect(steps > 0 && steps < 100_000 * 256)
        let checkpoint = try #require(record["lastCheckpointPath"] as? String)
        #expect(FileManager.default.fileExists(atPath: checkpoint))
        // The checkpoint written at the stop covers every step the store recorded.
        let lastIteration = try metrics(scratch.runFolder(id)).compactMap { $0["kind=iteration"] != nil ? $0["iteration"] : nil }.max()
        #expect(lastIteration.map { Int($0) * 256 } == steps)
    }

    @Test(arguments: EnvSuiteCase.allCases)
    func sigkillMidRunResumesFromTheLastCheckpointAndMatchesAnUninterruptedRun(suite: EnvSuiteCase) throws {
        let iterations = suite.iterations, stepsPerIteration = suite.stepsPerIteration
        let scratch = try Scratch()
        let path = try scratch.config("crash.yaml", suite.config(name: "crash"))
        let submitted = try scratch.dratsd(["submit", path])
        let id = try #require(submitted.stdout.split(separator: "\n").last.map(String.init), "\(submitted.stderr)")
        var serve = try ServeProcess(stateDir: scratch.stateDir)
        // Kill it a quarter of the way in: past the first evaluations and several checkpoints.
        let metricsPath = scratch.runFolder(id).appendingPathComponent("metrics.jsonl").path
        let underway = waitUntil(timeout: 60) {
            let text = (try? String(contentsOfFile: metricsPath, encoding: .utf8)) ?? ""
            return text.components(separatedBy: "\"kind\":\"iteration\"").count - 1 >= iterations / 4
        }
        try #require(underway, "the run did not get going; log: \(serve.log)")
        serve.kill9()
        let killed = try #require(try records(scratch)[id])
        try #require(killed["state"] as? String == "running", "the run finished before the kill; make it longer: \(killed)")
        let stepsAtKill = killed["envSteps"] as? Int ?? 0
        #expect(stepsAtKill < iterations * stepsPerIteration)
        // The newest complete checkpoint at the kill (step-<env steps>.safetensors) is where it resumes.
        let newestSteps = try #require(checkpoints(scratch, id).compactMap { Int($0.dropFirst(5).dropLast(12)) }.max(),
                                       "\(checkpoints(scratch, id))")

        serve = try ServeProcess(stateDir: scratch.stateDir)
        let completed = try waitUntil(timeout: 90) { try state(scratch, id) == "completed" }
        #expect(completed, "log: \(serve.log)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0)
        #expect(serve.log.contains("requeued run \(id)"), "log: \(serve.log)")
        let record = try #require(try records(scratch)[id])
        #expect(record["envSteps"] as? Int == iterations * stepsPerIteration)
        #expect(record["attemptCount"] as? Int == 2)
        let trainLog = try String(contentsOf: scratch.runFolder(id).appendingPathComponent("train.log"), encoding: .utf8)
        #expect(trainLog.contains("resume: restored") && trainLog.contains("(iteration \(newestSteps / stepsPerIteration), \(newestSteps) env steps)"),
                "\(trainLog.split(separator: "\n").filter { $0.contains("resume") })")

        // Nothing lost, nothing repeated: every iteration exactly once, in order.
        let resumed = try metrics(scratch.runFolder(id))
        let iterationNumbers = resumed.filter { $0["kind=iteration"] != nil }.compactMap { $0["iteration"].map(Int.init) }
        #expect(iterationNumbers == Array(1...iterations))

        // The same config trained without interruption gives the same numbers.
        let other = scratch.root.appendingPathComponent("uninterrupted").path
        let train = try DratsdBinary.run(["train", path, "--state-dir", other])
        try #require(train.status == 0, "\(train.stderr)")
        let trainID = try #require(train.stdout.split(separator: "\n").last.flatMap { $0.split(separator: " ").first { $0.hasPrefix("r-") } }.map(String.init),
                                   "\(train.stdout)")
        let uninterrupted = try metrics(URL(fileURLWithPath: other).appendingPathComponent("runs/\(trainID)"))
        #expect(resumed.count == uninterrupted.count)
        for (index, (a, b)) in zip(resumed, uninterrupted).enumerated() where a != b {
            Issue.record("metrics.jsonl line \(index + 1) differs: resumed \(a) vs uninterrupted \(b)")
            break
        }
    }

    @Test func aHungOwnersRunIsTakenOverOnceItsLeaseIsStale() throws {
        let scratch = try Scratch()
        let path = try scratch.config("hung.yaml", Self.gridConfig(name: "hung", iterations: 100_000))
        // A foreground `dratsd train` holds the run, then hangs (SIGSTOP): its pid lives on, its lease goes stale.
        let train = Process()
        train.executableURL = DratsdBinary.url
        train.arguments = ["train", path, "--state-dir", scratch.stateDir]
        train.standardOutput = FileHandle.nullDevice
        train.standardError = FileHandle.nullDevice
        try train.run()
        defer { kill(train.processIdentifier, SIGKILL); kill(train.processIdentifier, SIGCONT); train.waitUntilExit() }
        var id = ""
        let started = try waitUntil(timeout: 60) {
            guard let record = try records(scratch).values.first, let runID = record["id"] as? String else { return false }
            id = runID
            // A checkpoint on disk and recorded: stopped between the two, the service would
            // (rightly) start the run from the record's 0 steps in its message.
            return record["state"] as? String == "running" && !checkpoints(scratch, runID).isEmpty && (record["envSteps"] as? Int ?? 0) > 0
        }
        try #require(started)
        // Hang it outside a write transaction: stopped inside one (about one stop in a hundred),
        // it would hold the database's write lock and block every writer, the service too. Then
        // let it finish the transaction and stop it again.
        let pid = train.processIdentifier
        var hung = false
        for _ in 0..<50 where !hung {
            kill(pid, SIGSTOP)
            try #require(waitUntil(timeout: 30) { Self.everyThreadStopped(pid) }, "dratsd train did not stop")
            hung = try Self.databaseWriteLockIsFree(scratch.stateDir)
            if !hung {
                kill(pid, SIGCONT)
                _ = try waitUntil(timeout: 30) { try Self.databaseWriteLockIsFree(scratch.stateDir) }
            }
        }
        try #require(hung, "dratsd train held the database's write lock at every stop")
        // A service starting now takes the run over only once its lease is stale: wait for that,
        // as the store shows it, rather than for a fixed time. The owner renews nothing more, so
        // wait until its heartbeat is over 2 s old (`list --json` gives whole seconds, hence one
        // second more).
        let stale = try waitUntil(timeout: 60) {
            guard let text = try records(scratch)[id]?["ownerHeartbeatAt"] as? String,
                  let heartbeat = ISO8601DateFormatter().date(from: text) else { return false }
            return Date().timeIntervalSince(heartbeat) > 2 + 1
        }
        try #require(stale, "\((try? records(scratch)[id]) ?? [:])")

        let serve = try ServeProcess(stateDir: scratch.stateDir, arguments: ["--lease-timeout-seconds", "2"])
        let takenOver = try waitUntil(timeout: 60) { try records(scratch)[id]?["attemptCount"] as? Int == 2 }
        #expect(takenOver, "log: \(serve.log)")
        #expect(serve.log.contains("requeued run \(id) (hung)"), "log: \(serve.log)")
        #expect(serve.log.contains("started run \(id) (hung, attempt 2, resuming at"), "log: \(serve.log)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0, "log: \(serve.log)")
        #expect(try state(scratch, id) == "queued")
    }

    /// kill -9 stands in for a run that crashes its service before its first checkpoint: after
    /// `--lost-attempt-limit` such deaths in a row the run is failed, not requeued forever, and
    /// the queue moves on; `resume` gives it another chance.
    @Test func aRunThatKeepsKillingTheServiceIsFailedAndTheQueueMovesOn() throws {
        let scratch = try Scratch()
        // No checkpoint (nor evaluation, which also writes one) for a long time: every attempt
        // is lost with nothing saved, however far it gets before the kill.
        let crashing = try scratch.config("crashing.yaml", Self.gridConfig(name: "crashing", iterations: 100_000)
            .replacingOccurrences(of: "checkpoint: {everyIterations: 1, keepLast: 2}", with: "checkpoint: {everyIterations: 100000, keepLast: 2}")
            .replacingOccurrences(of: "everyEnvSteps: 2_560", with: "everyEnvSteps: 25_600_000"))   // evaluations checkpoint too
        let submitted = try scratch.dratsd(["submit", crashing])
        let id = try #require(submitted.stdout.split(separator: "\n").last.map(String.init), "\(submitted.stderr)")
        let next = try submit(scratch, "next", iterations: 2)
        let arguments = ["--lost-attempt-limit", "2"]
        for attempt in 1...2 {
            let serve = try ServeProcess(stateDir: scratch.stateDir, arguments: arguments)
            let started = waitUntil(timeout: 60) { serve.log.contains("started run \(id) (crashing, attempt \(attempt)") }
            try #require(started, "log: \(serve.log)")
            serve.kill9()
            #expect(checkpoints(scratch, id).isEmpty)
        }
        let serve = try ServeProcess(stateDir: scratch.stateDir, arguments: arguments)
        let nextDone = try waitUntil(timeout: 60) { try state(scratch, next) == "completed" }
        #expect(nextDone, "log: \(serve.log)")
        #expect(try state(scratch, id) == "failed")
        #expect(serve.log.contains("failed run \(id) (crashing): the service training this run stopped without a clean shutdown 2 times in a row"),
                "log: \(serve.log)")
        #expect(!serve.log.contains("started run \(id) (crashing, attempt 3"), "log: \(serve.log)")
        let shown = try scratch.dratsd(["show", id])
        #expect(shown.stdout.contains("2 lost in a row") && shown.stdout.contains("dratsd resume \(id)"), "\(shown.stdout)")

        // A user resume clears the count: the run starts again.
        #expect(try scratch.dratsd(["resume", id]).status == 0)
        let restarted = waitUntil(timeout: 60) { serve.log.contains("started run \(id) (crashing, attempt 3") }
        #expect(restarted, "log: \(serve.log)")
        #expect(try records(scratch)[id]?["lostAttempts"] as? Int == 0)
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 30) == 0, "log: \(serve.log)")
    }

    @Test func runsSubmittedWhileServeIsDownStartInOrderOneAtATime() throws {
        let scratch = try Scratch()
        let first = try submit(scratch, "first", iterations: 20)
        let second = try submit(scratch, "second", iterations: 20)
        let listener = try NotifyListener(directory: scratch.root.path)
        defer { listener.stop() }
        let serve = try ServeProcess(stateDir: scratch.stateDir, arguments: ["--max-concurrent", "1"],
                                     environment: ["NOTIFY_SOCKET": listener.path])
        let (peak, done) = try sampledPeakRunning(scratch, timeout: 90) { all in
            all.values.allSatisfy { $0["state"] as? String == "completed" }
        }
        #expect(done, "log: \(serve.log)")
        #expect(peak <= 1)
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0)
        #expect(peakConcurrency(serve.log) == 1, "log: \(serve.log)")
        try #require(try listener.mark() != nil)   // everything the service sent has arrived
        // The second started only after the first finished.
        let finishedFirst = try #require(serve.log.range(of: "run \(first) completed"), "log: \(serve.log)")
        let startedSecond = try #require(serve.log.range(of: "started run \(second)"), "log: \(serve.log)")
        #expect(finishedFirst.upperBound < startedSecond.lowerBound)
        #expect(listener.lines.contains("STATUS=1 running, 1 queued, last: run \(first) started"), "\(listener.lines)")
        #expect(!listener.lines.contains { $0.hasPrefix("STATUS=2 running") })
        #expect(listener.lines.contains("STATUS=0 running, 0 queued, last: run \(second) completed"), "\(listener.lines)")
    }

    @Test func concurrentSubmitsWhileServingAllLandAndRunTwoAtATime() throws {
        let scratch = try Scratch()
        let path = try scratch.config("tiny.yaml", Self.gridConfig(name: "tiny", iterations: 10))
        let listener = try NotifyListener(directory: scratch.root.path)
        defer { listener.stop() }
        let serve = try ServeProcess(stateDir: scratch.stateDir, arguments: ["--max-concurrent", "2"],
                                     environment: ["NOTIFY_SOCKET": listener.path])
        #expect(listener.waitForLine(timeout: 30) { $0 == "READY=1" } != nil, "log: \(serve.log)")
        let count = 6
        let lock = NSLock()
        nonisolated(unsafe) var ids: [String] = []
        DispatchQueue.concurrentPerform(iterations: count) { _ in
            guard let result = try? scratch.dratsd(["submit", path]), result.status == 0,
                  let id = result.stdout.split(separator: "\n").last.map(String.init) else { return }
            lock.withLock { ids.append(id) }
        }
        #expect(ids.count == count)
        #expect(Set(ids).count == count)
        let (peak, done) = try sampledPeakRunning(scratch, timeout: 90) { all in
            all.count == count && all.values.allSatisfy { $0["state"] as? String == "completed" }
        }
        #expect(done, "log: \(serve.log)")
        #expect(peak <= 2)
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0)
        #expect(peakConcurrency(serve.log) == 2, "log: \(serve.log)")
        try #require(try listener.mark() != nil)   // everything the service sent has arrived
        #expect(!listener.lines.contains { $0.hasPrefix("STATUS=3 running") })
        #expect(listener.lines.contains { $0.hasPrefix("STATUS=2 running") }, "\(listener.lines)")
    }

    @Test func cancellingTheRunningRunFreesItsSlotForTheNext() throws {
        let scratch = try Scratch()
        let long = try submit(scratch, "long", iterations: 100_000)
        let short = try submit(scratch, "short", iterations: 5)
        let serve = try ServeProcess(stateDir: scratch.stateDir, arguments: ["--max-concurrent", "1"])
        try #require(try waitUntil(timeout: 60) { try state(scratch, long) == "running" }, "log: \(serve.log)")
        #expect(try state(scratch, short) == "queued")
        let cancel = try scratch.dratsd(["cancel", long])
        #expect(cancel.status == 0 && cancel.stdout.contains("cancel requested for \(long)"), "\(cancel.stdout)\(cancel.stderr)")
        #expect(try waitUntil(timeout: 60) { try state(scratch, short) == "completed" }, "log: \(serve.log)")
        #expect(try state(scratch, long) == "cancelled")
        #expect(serve.log.contains("run \(long) cancelled"), "log: \(serve.log)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0)
    }

    @Test func badSettingsMalformedConfigsAndUnknownRunsFailClearly() throws {
        let scratch = try Scratch()
        let cases: [([String], String)] = [
            (["--max-concurrent", "0"], "--max-concurrent 0 is out of range; allowed: an integer from 1 to 256"),
            (["--poll-interval-seconds", "0"], "--poll-interval-seconds 0.0 is out of range"),
            (["--lease-timeout-seconds", "nan"], "--lease-timeout-seconds nan is out of range"),
            (["--state-dir", try scratch.config("file", "x")], "it exists and is not a directory"),
        ]
        for (arguments, expected) in cases {
            let result = try DratsdBinary.run(["serve"] + arguments + (arguments.contains("--state-dir") ? [] : ["--state-dir", scratch.stateDir]))
            #expect(result.status != 0)
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }

        let serve = try ServeProcess(stateDir: scratch.stateDir)
        let malformed = try scratch.dratsd(["submit", try scratch.config("bad.yaml", "ppo: {numSteps: -4}\n")])
        #expect(malformed.status != 0)
        #expect(malformed.stderr.contains("bad.yaml") && malformed.stderr.contains("ppo.numSteps"), "\(malformed.stderr)")
        for command in ["show", "cancel", "resume", "logs"] {
            let result = try scratch.dratsd([command, "r-19700101-nosuch"])
            #expect(result.status != 0)
            #expect(result.stderr.contains("no run has the id or id prefix 'r-19700101-nosuch'"), "\(command): \(result.stderr)")
        }
        #expect(try records(scratch).isEmpty)
        // The service carries on: a good run submitted afterwards completes.
        let id = try submit(scratch, "after", iterations: 5)
        #expect(try waitUntil(timeout: 60) { try state(scratch, id) == "completed" }, "log: \(serve.log)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0)
    }
}
