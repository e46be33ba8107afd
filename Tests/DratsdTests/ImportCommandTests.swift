import ChildProcess
import Foundation
import Testing

/// `dratsd import`: a run stopped in one state directory, its folder copied away, resumes in
/// another and ends with the numbers of an uninterrupted run.
@Suite(.serialized) struct ImportCommandTests {
    typealias Scratch = RunCommandsTests.Scratch

    @Test func aRunMovedToAnotherStateDirectoryResumesAndMatchesAnUninterruptedRun() throws {
        let serveTests = ServeTests()
        let scratch = try Scratch()
        let iterations = 60
        let path = try scratch.config("moved.yaml", ServeTests.gridConfig(name: "moved", iterations: iterations))
        let submitted = try scratch.dratsd(["submit", path])
        let id = try #require(submitted.stdout.split(separator: "\n").last.map(String.init), "\(submitted.stderr)")
        let serve = try ServeProcess(stateDir: scratch.stateDir)
        let underway = waitUntil(timeout: 60) { serveTests.checkpoints(scratch, id).count >= 2 }
        try #require(underway, "no checkpoints; log: \(serve.log)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 30) == 0, "log: \(serve.log)")
        let stopped = try #require(try serveTests.records(scratch)[id])
        try #require(stopped["state"] as? String == "queued" && (stopped["envSteps"] as? Int ?? 0) < iterations * 256,
                     "the run finished before the stop; make it longer: \(stopped)")

        // The folder as an archive holds it, away from its state directory.
        let archive = scratch.root.appendingPathComponent("archive/\(id)")
        try FileManager.default.createDirectory(at: archive.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: scratch.runFolder(id), to: archive)
        let elsewhere = scratch.root.appendingPathComponent("elsewhere").path
        let imported = try DratsdBinary.run(["import", archive.path, "--state-dir", elsewhere])
        try #require(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.split(separator: "\n").last.map(String.init) == id)
        #expect(imported.stdout.contains("resuming at \(stopped["envSteps"] as! Int) env steps"), "\(imported.stdout)")
        let again = try DratsdBinary.run(["import", archive.path, "--state-dir", elsewhere])
        #expect(again.status != 0 && again.stderr.contains(id), "an id is imported once: \(again.stderr)")

        let resumedServe = try ServeProcess(stateDir: elsewhere)
        let completed = waitUntil(timeout: 120) {
            let list = try? DratsdBinary.run(["list", "--json", "--state-dir", elsewhere])
            return list?.stdout.contains("\"completed\"") == true
        }
        #expect(completed, "log: \(resumedServe.log)")
        resumedServe.send(SIGTERM)
        #expect(resumedServe.waitForExit(timeout: 30) == 0)
        let folder = URL(fileURLWithPath: elsewhere).appendingPathComponent("runs/\(id)")
        let log = try String(contentsOf: folder.appendingPathComponent("train.log"), encoding: .utf8)
        #expect(log.contains("resume: restored"), "\(log)")

        let other = scratch.root.appendingPathComponent("uninterrupted").path
        let train = try DratsdBinary.run(["train", path, "--state-dir", other])
        try #require(train.status == 0, "\(train.stderr)")
        let trainID = try #require(train.stdout.split(separator: "\n").last.flatMap { $0.split(separator: " ").first { $0.hasPrefix("r-") } }.map(String.init))
        let uninterrupted = try serveTests.metrics(URL(fileURLWithPath: other).appendingPathComponent("runs/\(trainID)"))
        let resumed = try serveTests.metrics(folder)
        #expect(resumed.count == uninterrupted.count && resumed.count > iterations)
        for (index, (a, b)) in zip(resumed, uninterrupted).enumerated() where a != b {
            Issue.record("metrics.jsonl line \(index + 1) differs: resumed \(a) vs uninterrupted \(b)")
            break
        }
    }

    @Test func foldersThatAreNotRunsOfThisBuildAreRefusedAndNothingIsQueued() throws {
        let scratch = try Scratch()
        let notRun = scratch.root.appendingPathComponent("holiday-photos")
        try FileManager.default.createDirectory(at: notRun, withIntermediateDirectories: true)
        let badName = try scratch.dratsd(["import", notRun.path])
        #expect(badName.status != 0 && badName.stderr.contains("run id"), "\(badName.stderr)")
        let edited = scratch.root.appendingPathComponent("r-20261202-aaaaaa")
        try FileManager.default.createDirectory(at: edited, withIntermediateDirectories: true)
        try ServeTests.gridConfig(name: "edited", iterations: 2).write(to: edited.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        let notResolved = try scratch.dratsd(["import", edited.path])
        #expect(notResolved.status != 0 && notResolved.stderr.contains("resolved config"), "\(notResolved.stderr)")
        let missing = try scratch.dratsd(["import", scratch.root.appendingPathComponent("r-20261202-bbbbbb").path])
        #expect(missing.status != 0 && missing.stderr.contains("run folder"), "\(missing.stderr)")
        let list = try scratch.dratsd(["list", "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [Any])?.isEmpty == true, "\(list.stdout)")
        #expect(!FileManager.default.fileExists(atPath: scratch.runFolder("r-20261202-aaaaaa").path))
    }
    @Test func checkpointsBesideTheConfigAreRefusedWithTheLayoutAndAFolderWithoutCheckpointsStartsAtZero() throws {
        let scratch = try Scratch()
        let path = try scratch.config("flat.yaml", ServeTests.gridConfig(name: "flat", iterations: 4))
        let trained = try scratch.dratsd(["train", path])
        try #require(trained.status == 0, "\(trained.stderr)")
        let id = try #require(trained.stdout.split(separator: "\n").last.flatMap { $0.split(separator: " ").first { $0.hasPrefix("r-") } }.map(String.init))
        // A hand-made copy: the config and a checkpoint side by side, no checkpoints/ subfolder.
        let copy = scratch.root.appendingPathComponent("copies/\(id)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: scratch.runFolder(id).appendingPathComponent("config.yaml"), to: copy.appendingPathComponent("config.yaml"))
        try Data("not read".utf8).write(to: copy.appendingPathComponent("step-000000000512.safetensors"))
        let elsewhere = scratch.root.appendingPathComponent("elsewhere").path
        let flat = try DratsdBinary.run(["import", copy.path, "--state-dir", elsewhere])
        #expect(flat.status != 0 && flat.stderr.contains("checkpoints/") && flat.stderr.contains("step-000000000512.safetensors"), "\(flat.stderr)")
        #expect(!FileManager.default.fileExists(atPath: elsewhere + "/runs/\(id)"))

        try FileManager.default.removeItem(at: copy.appendingPathComponent("step-000000000512.safetensors"))
        let fresh = try DratsdBinary.run(["import", copy.path, "--state-dir", elsewhere])
        try #require(fresh.status == 0, "\(fresh.stderr)")
        let list = try DratsdBinary.run(["list", "--json", "--state-dir", elsewhere])
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(runs.count == 1 && runs.first?["state"] as? String == "queued" && runs.first?["envSteps"] as? Int == 0, "\(list.stdout)")
    }
}
