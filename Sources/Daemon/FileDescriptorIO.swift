#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the file writers use: full writes across EINTR and short
/// writes, and errno mapped to `DaemonError` with a full disk (or quota) as `diskFull`.
enum FileDescriptorIO {
    static func error(_ code: Int32, path: String, operation: String) -> DaemonError {
        code == ENOSPC || code == EDQUOT ? .diskFull(path: path) : .io(path: path, operation: operation, errno: code)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(DaemonError) {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw error(failure, path: path, operation: "write") }
    }

    static func sync(_ fd: Int32, path: String) throws(DaemonError) {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            throw error(errno, path: path, operation: "fsync")
        }
    }

    /// fsyncs a directory so a rename or a newly created file in it survives a crash.
    static func syncDirectory(_ path: String) throws(DaemonError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error(errno, path: path, operation: "open directory") }
        defer { close(fd) }
        try sync(fd, path: path)
    }

    /// Creates one directory with exactly `mode` (mkdir applies the umask, so it is set again);
    /// an existing directory is left as it is.
    static func makeDirectory(_ path: String, mode: mode_t) throws(DaemonError) {
        if mkdir(path, mode) != 0 {
            let code = errno
            var info = stat()
            if code == EEXIST, stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
            throw error(code == EEXIST ? ENOTDIR : code, path: path, operation: "create directory")
        }
        guard chmod(path, mode) == 0 else { throw error(errno, path: path, operation: "set permissions of") }
    }

    static func directoryOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
