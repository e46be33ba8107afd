import Daemon
import Foundation
import Testing

@Suite struct RunFolderTests {
    @Test func layoutAndVerifiedConfig() throws {
        let temp = TemporaryDirectory()
        defer { temp.remove() }
        let state = try StateDirectory.prepare(flag: temp.path + "/state", environment: [:], userID: 1000)
        let folder = try RunFolder(stateDirectory: state, runID: "r-20261125-k3x9qa")
        #expect(folder.url.path == temp.path + "/state/runs/r-20261125-k3x9qa")
        let config = "name: quick\nseed: 1\n"
        try folder.create(configText: config)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.checkpointsPath, isDirectory: &isDirectory) && isDirectory.boolValue)
        #expect(try folder.readConfig(expectedSHA256: SHA256.hexDigest(of: config)) == config)
        #expect(folder.trainLogPath.hasSuffix("/r-20261125-k3x9qa/train.log"))
        #expect(folder.metricsPath.hasSuffix("/r-20261125-k3x9qa/metrics.jsonl"))

        // Redoing a crashed submission is fine; a different config is refused.
        try folder.create(configText: config)
        #expect(throws: DaemonError.self) { try folder.create(configText: "name: other\n") }

        // A changed config.yaml is detected on read.
        try AtomicFile.write(text: "name: quick\nseed: 2\n", to: folder.configPath)
        do {
            _ = try folder.readConfig(expectedSHA256: SHA256.hexDigest(of: config))
            Issue.record("a tampered config must be refused")
        } catch {
            #expect(error.description.contains(folder.configPath))
        }
    }

    @Test(arguments: ["../../etc", "r-20261125-k3x9qa/..", "", "r-20261125-K3X9QA"])
    func runIDsThatAreNotIDsAreRefused(runID: String) throws {
        let temp = TemporaryDirectory()
        defer { temp.remove() }
        let state = StateDirectory(url: URL(fileURLWithPath: temp.path))
        #expect(throws: DaemonError.self) { try RunFolder(stateDirectory: state, runID: runID) }
    }
}

extension RunFolderTests {
    /// Run folders are made by the service under a prepared state directory; a missing `runs/`
    /// is an I/O error naming the folder, not a state-directory hint.
    @Test func aFolderWithoutItsParentIsAnIOError() throws {
        let temp = TemporaryDirectory()
        defer { temp.remove() }
        let folder = try RunFolder(stateDirectory: StateDirectory(url: URL(fileURLWithPath: temp.path + "/gone")), runID: "r-20261125-k3x9qa")
        #expect(throws: DaemonError.io(path: folder.url.path, operation: "create directory", errno: ENOENT)) {
            try folder.create(configText: "x: 1\n")
        }
    }
}
