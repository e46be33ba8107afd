#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The directory holding the run database and one folder per run.
///
/// Chosen as: the `--state-dir` value, else `$DRATSD_STATE_DIR`, else `/var/lib/dratsd` for root
/// (systemd's `StateDirectory=dratsd`) and `$XDG_STATE_HOME/dratsd` (default
/// `~/.local/state/dratsd`) for everyone else. File permissions are the access control, so the
/// directory is created private: 0750 for the system directory, 0700 for a user's.
public struct StateDirectory: Sendable, Equatable {
    /// The directory itself.
    public let url: URL

    /// The SQLite run registry.
    public var databaseURL: URL { url.appendingPathComponent("dratsd.sqlite") }
    /// The folder holding one sub-folder per run.
    public var runsURL: URL { url.appendingPathComponent("runs") }

    /// Wraps an existing, prepared directory (see `prepare`).
    public init(url: URL) { self.url = url.standardizedFileURL }

    /// Where the state directory is, without touching the disk.
    ///
    /// - Parameters:
    ///   - flag: the `--state-dir` value, if given.
    ///   - environment: the process environment (`DRATSD_STATE_DIR`, `XDG_STATE_HOME`, `HOME`).
    ///   - userID: the effective user id; 0 selects the system directory.
    public static func resolvePath(flag: String?, environment: [String: String], userID: UInt32) throws(DaemonError) -> String {
        if let flag {
            guard !flag.isEmpty else { throw .stateDirectoryUnusable(path: "''", reason: "--state-dir is empty") }
            return flag
        }
        if let fromEnvironment = environment["DRATSD_STATE_DIR"], !fromEnvironment.isEmpty { return fromEnvironment }
        if userID == 0 { return "/var/lib/dratsd" }
        // The XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/dratsd" }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw .stateDirectoryUnusable(path: "~/.local/state/dratsd", reason: "HOME is not set to an absolute path")
        }
        return home + "/.local/state/dratsd"
    }

    /// Resolves the directory, creates it (and its `runs/` folder) if missing, and checks that
    /// this process can write it.
    public static func prepare(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               userID: UInt32 = geteuid()) throws(DaemonError) -> StateDirectory {
        let path = try resolvePath(flag: flag, environment: environment, userID: userID)
        let mode: mode_t = userID == 0 ? 0o750 : 0o700
        try makeDirectory(path, mode: mode)
        let directory = StateDirectory(url: URL(fileURLWithPath: path, isDirectory: true))
        try makeDirectory(directory.runsURL.path, mode: mode)
        try checkWritable(path)
        return directory
    }

    /// Creates `path` and missing parents; the last component gets `mode` exactly (not masked).
    static func makeDirectory(_ path: String, mode: mode_t) throws(DaemonError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .stateDirectoryUnusable(path: path, reason: "it exists and is not a directory")
            }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path, stat(parent, &info) != 0 {
            // Parents such as ~/.local/state follow the XDG default of 0700.
            try makeDirectory(parent, mode: 0o700)
        }
        do {
            try FileDescriptorIO.makeDirectory(path, mode: mode)
        } catch {
            let cause = if case .io(_, _, let code) = error { String(cString: strerror(code)) } else { "no space left on the device" }
            throw .stateDirectoryUnusable(path: path, reason: "cannot create it: \(cause)")
        }
    }

    /// Creates and removes a probe file: `access(2)` would say yes to root on a read-only mount.
    static func checkWritable(_ path: String) throws(DaemonError) {
        let probe = path + "/.dratsd-write-probe-\(getpid())"
        let fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .stateDirectoryUnusable(path: path, reason: "this user (uid \(geteuid())) cannot write in it: \(String(cString: strerror(errno)))")
        }
        close(fd)
        unlink(probe)
    }
}
