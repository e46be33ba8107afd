#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file replacement that a crash or a full disk can never leave half-written: the bytes go
/// to a temporary file beside the target (same directory, so the rename cannot cross file
/// systems), which is fsynced, closed, renamed over the target, and the directory fsynced.
/// Readers therefore see the old file or the complete new one, even across a power loss. On any
/// failure before the rename the temporary file is removed and the old file is untouched.
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `bytes`.
    ///
    /// The temporary file is created with O_NOFOLLOW and O_EXCL, so a symbolic link planted at its
    /// name is never written through; `writeCall` is replaceable only to inject operating-system
    /// failures in tests.
    ///
    /// - Throws: `FileIOError.systemCall` naming the failing step; `isDiskFull` when the device is
    ///   full. After an `.openDirectory` or `.syncDirectory` failure the new file is in place but
    ///   the rename may not survive a crash.
    public static func write(
        _ bytes: [UInt8], to path: String, permissions: mode_t = 0o640,
        writeCall: FileDescriptorIO.WriteCall = FileDescriptorIO.systemWrite
    ) throws(FileIOError) {
        let directory = FileDescriptorIO.directoryOf(path)
        let (fd, temporary) = try createTemporary(for: path, in: directory, permissions: permissions)
        var failure: (FileIOError.Operation, Int32)?
        if let (written, code) = FileDescriptorIO.writeAll(fd, bytes, writeCall: writeCall) {
            failure = (.writeTemporary(temporary, written: written, total: bytes.count), code)
        }
        if failure == nil {
            let code = FileDescriptorIO.sync(fd)
            if code != 0 { failure = (.syncTemporary(temporary), code) }
        }
        if close(fd) != 0 && failure == nil { failure = (.closeTemporary(temporary), errno) }
        if failure == nil && rename(temporary, path) != 0 { failure = (.renameTemporary(temporary), errno) }
        if let (operation, code) = failure {
            unlink(temporary)
            throw .systemCall(operation, path: path, errno: code)
        }
        // Without this the rename itself may be lost in a crash, leaving the old file.
        try FileDescriptorIO.syncDirectory(directory)
    }

    /// Replaces the file at `path` with the UTF-8 bytes of `text`.
    public static func write(text: String, to path: String, permissions: mode_t = 0o640) throws(FileIOError) {
        try write(Array(text.utf8), to: path, permissions: permissions)
    }

    /// Creates `.<name>.tmp-<pid>-<n>` exclusively, so concurrent writers (threads or processes)
    /// never share a temporary file; a name left by a crashed process with the same pid is skipped.
    private static func createTemporary(for path: String, in directory: String, permissions: mode_t) throws(FileIOError) -> (Int32, String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var temporary = ""
        for _ in 0..<1000 {
            temporary = directory + "/." + name + ".tmp-\(getpid())-\(TemporaryNames.next())"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, permissions)
            if fd >= 0 { return (fd, temporary) }
            let code = errno
            if code != EEXIST { throw .systemCall(.createTemporary(temporary), path: path, errno: code) }
        }
        throw .systemCall(.createTemporary(temporary), path: path, errno: EEXIST)
    }
}
