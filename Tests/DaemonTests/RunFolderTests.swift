import Daemon
import FileIO
import Foundation
import Testing
import TestScratch

@Suite struct RunFolderTests {
    @Test func layoutAndVerifiedConfig() throws {
        let temp = try TestScratch("daemon")
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
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let state = StateDirectory(url: URL(fileURLWithPath: temp.path))
        #expect(throws: DaemonError.self) { try RunFolder(stateDirectory: state, runID: runID) }
    }
}

extension RunFolderTests {
    /// Run folders are made by the service under a prepared state directory; a missing `runs/`
    /// is an I/O error naming the folder, not a state-directory hint.
    @Test func aFolderWithoutItsParentIsAnIOError() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let folder = try RunFolder(stateDirectory: StateDirectory(url: URL(fileURLWithPath: temp.path + "/gone")), runID: "r-20261125-k3x9qa")
        #expect(throws: DaemonError.io(path: folder.url.path, operation: "create directory", errno: ENOENT)) {
            try folder.create(configText: "x: 1\n")
        }
    }
}

/// Run folders whose parts are not what dratsd created: a symbolic link or a foreign file is
/// refused before anything is written, and the link's target is untouched. (With `train.log`
/// replaced by a link, the service used to cut the target's last line and append to it.)
extension RunFolderTests {
    static func preparedFolder(_ temp: TestScratch) throws -> RunFolder {
        let state = try StateDirectory.prepare(flag: temp.path + "/state", environment: [:])
        let folder = try RunFolder(stateDirectory: state, runID: "r-20261125-k3x9qa")
        try folder.create(configText: "name: quick\n")
        return folder
    }

    @Test func aSymlinkedTrainLogIsRefusedAndItsTargetUntouched() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let folder = try Self.preparedFolder(temp)
        let target = temp.path + "/precious"
        try Data("keep me\nintact".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: folder.trainLogPath, withDestinationPath: target)
        do {
            try folder.create(configText: "name: quick\n")
            Issue.record("a symlinked train.log must be refused")
        } catch {
            #expect(error == .unsafeRunFolder(runID: folder.runID, path: folder.trainLogPath, reason: "is a symbolic link"))
            #expect(error.description.contains("dratsd resume r-20261125-k3x9qa"))
        }
        // Opening it for appending does not follow the link either (a link planted later).
        #expect(throws: FileIOError.self) { try LineAppender(path: folder.trainLogPath) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me\nintact")
    }

    @Test func aSymlinkedCheckpointsFolderOrAForeignEntryIsRefused() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let folder = try Self.preparedFolder(temp)
        let elsewhere = temp.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: false)
        try Data("foreign".utf8).write(to: URL(fileURLWithPath: elsewhere + "/step-100.safetensors"))
        try FileManager.default.removeItem(atPath: folder.checkpointsPath)
        try FileManager.default.createSymbolicLink(atPath: folder.checkpointsPath, withDestinationPath: elsewhere)
        #expect(throws: DaemonError.unsafeRunFolder(runID: folder.runID, path: folder.checkpointsPath, reason: "is a symbolic link")) {
            try folder.checkParts()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == ["step-100.safetensors"])

        try FileManager.default.removeItem(atPath: folder.checkpointsPath)
        try FileManager.default.createDirectory(atPath: folder.checkpointsPath, withIntermediateDirectories: false)
        let entry = folder.checkpointsPath + "/step-200.safetensors"
        try FileManager.default.createSymbolicLink(atPath: entry, withDestinationPath: elsewhere + "/step-100.safetensors")
        #expect(throws: DaemonError.unsafeRunFolder(runID: folder.runID, path: entry, reason: "is a symbolic link")) { try folder.checkParts() }
    }

    @Test(.enabled(if: geteuid() == 0, "changing a file's owner needs root"))
    func aPartOwnedByAnotherUserIsRefused() throws {
        let temp = try TestScratch("daemon")
        defer { temp.remove() }
        let folder = try Self.preparedFolder(temp)
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: folder.metricsPath))
        #expect(chown(folder.metricsPath, 4242, 4242) == 0)
        #expect(throws: DaemonError.unsafeRunFolder(runID: folder.runID, path: folder.metricsPath,
                                                    reason: "belongs to uid 4242, not to this user (uid 0)")) { try folder.checkParts() }
    }
}
