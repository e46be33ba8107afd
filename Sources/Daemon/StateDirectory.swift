#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileIO
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
    /// The folder holding one sub-folder per Slurm sweep (`SlurmSweepFolder`).
    public var sweepsURL: URL { url.appendingPathComponent("sweeps") }

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
        try checkTrusted(path, userID: userID, followLink: true)
        try makeDirectory(directory.runsURL.path, mode: mode)
        try checkTrusted(directory.runsURL.path, userID: userID, followLink: false)
        try checkWritable(path)
        return directory
    }

    /// Refuses a directory that someone this user does not trust could change, as sshd's
    /// StrictModes does: anyone could plant files (links to other users' files) in a
    /// world-writable one, and the owner of a foreign one can. Trusted: this user and root as
    /// owners; a group-writable directory only when this user is in its group (the service's
    /// setup: /var/lib/dratsd is 2770 dratsd:dratsd, shared by the group). Root may use a
    /// directory another user owns (it administers the service's); root is still refused a
    /// world-writable one, and run folders are checked part by part (`RunFolder.checkParts`).
    /// `runs/` must be a real directory, not a link.
    static func checkTrusted(_ path: String, userID: UInt32, followLink: Bool) throws(DaemonError) {
        var info = stat()
        let found = followLink ? stat(path, &info) : lstat(path, &info)
        guard found == 0 else {
            throw .stateDirectoryUnusable(path: path, reason: "cannot inspect it: \(String(cString: strerror(errno)))")
        }
        if info.st_mode & S_IFMT != S_IFDIR {
            throw .stateDirectoryUnusable(path: path, reason: "it is a symbolic link or not a directory; dratsd creates it as a directory, so move it away")
        }
        let mode = String(info.st_mode & 0o7777, radix: 8)
        if info.st_mode & S_IWOTH != 0 {
            throw .stateDirectoryUnusable(path: path, reason: "every user can write in it (mode \(mode)), so anyone could plant files there; "
                                          + "run `chmod o-w \(path)` or choose another --state-dir")
        }
        guard userID != 0 else { return }
        if info.st_uid != userID && info.st_uid != 0 {
            throw .stateDirectoryUnusable(path: path, reason: "it belongs to uid \(info.st_uid), not to this user (uid \(userID)) or root; "
                                          + "use your own --state-dir, or run dratsd as its owner")
        }
        if info.st_mode & S_IWGRP != 0 && !memberOfGroup(info.st_gid) {
            throw .stateDirectoryUnusable(path: path, reason: "group \(info.st_gid) can write in it (mode \(mode)) and this user is not in that group; "
                                          + "run `chmod g-w \(path)` or join the group")
        }
    }

    /// Linux's O_TMPFILE (__O_TMPFILE | O_DIRECTORY), a macro Swift does not import; this is its
    /// value on x86-64 and arm64.
    private static let linuxTemporaryFileFlag: Int32 = 0o20_000_000 | O_DIRECTORY

    private static func memberOfGroup(_ group: gid_t) -> Bool {
        if getegid() == group { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &groups)
        return filled > 0 && groups.prefix(Int(filled)).contains(group)
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
            try DaemonError.mapping { () throws(FileIOError) in try FileDescriptorIO.makeDirectory(path, mode: mode) }
        } catch {
            let cause = if case .io(_, _, let code) = error { String(cString: strerror(code)) } else { "no space left on the device" }
            throw .stateDirectoryUnusable(path: path, reason: "cannot create it: \(cause)")
        }
    }

    /// Creates an unnamed file in the directory (O_TMPFILE: nothing is left behind, even if the
    /// process is killed): `access(2)` would say yes to root on a read-only mount. File systems
    /// without O_TMPFILE get a named probe, removed at once.
    static func checkWritable(_ path: String) throws(DaemonError) {
        var fd = open(path, linuxTemporaryFileFlag | O_WRONLY | O_CLOEXEC, 0o600)
        if fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL) {
            let probe = path + "/.dratsd-write-probe-\(getpid())"
            fd = open(probe, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 { unlink(probe) }
        }
        guard fd >= 0 else {
            throw .stateDirectoryUnusable(path: path, reason: "this user (uid \(geteuid())) cannot write in it: \(String(cString: strerror(errno)))")
        }
        close(fd)
    }
}
