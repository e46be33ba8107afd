#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileIO
import Foundation

/// One run's folder, `<state>/runs/<id>/`, laid out like sample-factory's experiment folders:
/// the resolved config, the human log, the metrics stream and the checkpoints.
public struct RunFolder: Sendable, Equatable {
    /// The run this folder belongs to.
    public let runID: String
    /// `<state>/runs/<id>`.
    public let url: URL

    /// The folder of `runID` under `stateDirectory` (not created yet; see `create`).
    public init(stateDirectory: StateDirectory, runID: String) throws(DaemonError) {
        guard RunIDGenerator.isWellFormed(runID) else {
            throw .invalidField(field: "run id", value: "'\(runID)'", allowed: "an id like r-20261125-k3x9qa; `dratsd list` shows them")
        }
        self.runID = runID
        url = stateDirectory.runsURL.appendingPathComponent(runID, isDirectory: true)
    }

    /// The resolved config, written once at submission.
    public var configPath: String { url.appendingPathComponent("config.yaml").path }
    /// One human-readable line per iteration.
    public var trainLogPath: String { url.appendingPathComponent("train.log").path }
    /// One JSON object per iteration and per evaluation.
    public var metricsPath: String { url.appendingPathComponent("metrics.jsonl").path }
    /// Checkpoint files.
    public var checkpointsPath: String { url.appendingPathComponent("checkpoints").path }
    /// TensorBoard event files, one folder inside per name (`tensorBoardDirectory(named:)`).
    public var tensorBoardPath: String { url.appendingPathComponent("tensorboard").path }

    /// `tensorboard/<name>/`, created (0750, with `tensorboard/`) when missing, after checking
    /// the folder's parts like every other write. `name` must be one plain path component of
    /// letters, digits, `.`, `_` and `-` (not starting with a dot), as TensorBoard shows it.
    public func tensorBoardDirectory(named name: String) throws(DaemonError) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard !name.isEmpty, name.count <= 100, !name.hasPrefix("."), name.allSatisfy(allowed.contains) else {
            throw .invalidField(field: "TensorBoard folder name", value: "'\(name)'",
                                allowed: "1-100 letters, digits, '.', '_' or '-', not starting with '.'")
        }
        try checkParts()
        let directory = tensorBoardPath + "/" + name
        try DaemonError.mapping { () throws(FileIOError) in
            try FileDescriptorIO.makeDirectory(tensorBoardPath, mode: 0o750)
            try FileDescriptorIO.makeDirectory(directory, mode: 0o750)
        }
        try checkParts()
        return directory
    }

    /// Creates the folder and `checkpoints/`, and writes `config.yaml` atomically. Safe to repeat
    /// with the same config (a crashed start is redone); a different config is refused.
    ///
    /// The service calls this when it first claims the run, not `submit`: the files must belong
    /// to the service's user, whoever submitted the run.
    ///
    /// Before anything is written, every part that exists is checked to be what dratsd creates
    /// (`checkParts`): a symbolic link planted in a run folder would otherwise make the service
    /// append to, or rename, a file of the link's choosing.
    public func create(configText: String) throws(DaemonError) {
        try checkParts()
        try DaemonError.mapping { () throws(FileIOError) in
            try FileDescriptorIO.makeDirectory(url.path, mode: 0o750)
            try FileDescriptorIO.makeDirectory(checkpointsPath, mode: 0o750)
        }
        try checkParts()
        if let existing = try DaemonError.mapping({ () throws(FileIOError) in try FileContents.read(configPath) }) {
            guard existing == Array(configText.utf8) else {
                throw .invalidField(field: "config.yaml of \(runID)", value: configPath,
                                    allowed: "the config the run was submitted with; the run folder already holds a different one")
            }
            return
        }
        try DaemonError.mapping { () throws(FileIOError) in
            try AtomicFile.write(text: configText, to: configPath)
            try FileDescriptorIO.syncDirectory(FileDescriptorIO.directoryOf(url.path))
        }
    }

    /// Refuses the folder unless each part that exists is what dratsd creates: the folder and
    /// `checkpoints/` real directories, `config.yaml`, `train.log`, `metrics.jsonl` and every
    /// entry of `checkpoints/` regular files, `tensorboard/` and its folders real directories
    /// holding regular files, not symbolic links, all owned by this user. The
    /// file opens themselves do not follow links either (O_NOFOLLOW), so a link planted after
    /// this check fails the write instead of redirecting it.
    public func checkParts() throws(DaemonError) {
        let user = geteuid()
        func check(_ path: String, directory: Bool) throws(DaemonError) -> Bool {
            var info = stat()
            guard lstat(path, &info) == 0 else {
                if errno == ENOENT { return false }
                throw .fileSystem(errno, path: path, operation: "stat")
            }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK { throw .unsafeRunFolder(runID: runID, path: path, reason: "is a symbolic link") }
            if kind != (directory ? S_IFDIR : S_IFREG) {
                throw .unsafeRunFolder(runID: runID, path: path, reason: directory ? "is not a directory" : "is not a regular file")
            }
            if info.st_uid != user {
                throw .unsafeRunFolder(runID: runID, path: path, reason: "belongs to uid \(info.st_uid), not to this user (uid \(user))")
            }
            return true
        }
        guard try check(url.path, directory: true) else { return }
        for file in [configPath, trainLogPath, metricsPath] { _ = try check(file, directory: false) }
        guard try check(checkpointsPath, directory: true) else { return }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: checkpointsPath) } catch {
            throw .io(path: checkpointsPath, operation: "list", errno: EIO)
        }
        for entry in entries.sorted() { _ = try check(checkpointsPath + "/" + entry, directory: false) }
        guard try check(tensorBoardPath, directory: true) else { return }
        for folder in try listing(tensorBoardPath) {
            let path = tensorBoardPath + "/" + folder
            _ = try check(path, directory: true)
            for file in try listing(path) { _ = try check(path + "/" + file, directory: false) }
        }
    }

    private func listing(_ path: String) throws(DaemonError) -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: path).sorted() } catch {
            throw .io(path: path, operation: "list", errno: EIO)
        }
    }

    /// The resolved config, verified against the hash the store recorded.
    public func readConfig(expectedSHA256: String) throws(DaemonError) -> String {
        guard let bytes = try DaemonError.mapping({ () throws(FileIOError) in try FileContents.read(configPath) }) else {
            throw .io(path: configPath, operation: "open", errno: ENOENT)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard SHA256.hexDigest(of: text) == expectedSHA256 else {
            throw .invalidField(field: "config.yaml of \(runID)", value: configPath,
                                allowed: "a file whose SHA-256 is \(expectedSHA256), the config submitted; it was changed or corrupted")
        }
        return text
    }
}
