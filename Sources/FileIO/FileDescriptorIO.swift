#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the file writers use: full writes across EINTR and short
/// writes, fsync retried across EINTR, directory creation and syncing.
public enum FileDescriptorIO {
    /// One `write(2)`-like call: bytes written, or -1 with the errno. Replaceable only to inject
    /// operating-system failures (ENOSPC after a partial write) in tests.
    public typealias WriteCall = @Sendable (_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> (written: Int, errno: Int32)

    /// `write(2)` itself.
    public static let systemWrite: WriteCall = { descriptor, buffer in
        let written = write(descriptor, buffer.baseAddress, buffer.count)
        return (written, written < 0 ? errno : 0)
    }

    /// Writes all of `bytes`, retrying interrupted and short writes.
    ///
    /// - Returns: nil, or how far it got and the errno (EIO for a write that makes no progress,
    ///   which would otherwise loop forever).
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], writeCall: WriteCall = systemWrite) -> (written: Int, errno: Int32)? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let (written, code) = writeCall(fd, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                if written < 0 && code == EINTR { continue }
                if written <= 0 { return (offset, written < 0 ? code : EIO) }
                offset += written
            }
            return nil
        }
    }

    /// fsyncs `fd`, retrying when a signal interrupts it.
    ///
    /// - Returns: 0, or the errno.
    public static func sync(_ fd: Int32) -> Int32 {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            return errno
        }
        return 0
    }

    /// fsyncs a directory so a rename or a newly created file in it survives a crash.
    public static func syncDirectory(_ path: String) throws(FileIOError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .systemCall(.openDirectory, path: path, errno: errno) }
        defer { close(fd) }
        let code = sync(fd)
        if code != 0 { throw .systemCall(.syncDirectory, path: path, errno: code) }
    }

    /// Creates one directory with exactly `mode` (mkdir applies the umask, so it is set again);
    /// an existing directory is left as it is.
    public static func makeDirectory(_ path: String, mode: mode_t) throws(FileIOError) {
        if mkdir(path, mode) != 0 {
            let code = errno
            var info = stat()
            if code == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
            throw .systemCall(.createDirectory, path: path, errno: code == EEXIST ? ENOTDIR : code)
        }
        guard chmod(path, mode) == 0 else { throw .systemCall(.setPermissions, path: path, errno: errno) }
    }

    /// The directory part of `path` ("." when it has none).
    public static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
