#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends whole records of bytes to a file: the one file-appending primitive. A failed append
/// is cut off again, so the file always ends at a record boundary; `truncate` cuts it in place.
/// `LineAppender` builds text lines on it; TensorBoard's event files use it directly, their
/// owner finding the last intact record and cutting the file back to it.
///
/// Files are cut in place rather than rewritten: a reader that holds one open (a live
/// TensorBoard) then sees it end, instead of holding on to a replaced copy forever.
/// Not for use from several threads at once.
public final class FileAppender {
    /// The file appended to.
    public let path: String
    /// The file's length in bytes.
    public private(set) var size: Int64
    private var fd: Int32

    /// Opens (creating if needed, and then syncing its directory) `path` for appending; never
    /// follows a symbolic link.
    public init(path: String, permissions: mode_t = 0o640) throws(FileIOError) {
        self.path = path
        let existed = access(path, F_OK) == 0
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, permissions)
        guard fd >= 0 else { throw .systemCall(.openForAppending, path: path, errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .systemCall(.stat, path: path, errno: code)
        }
        size = Int64(info.st_size)
        if !existed {
            do { try FileDescriptorIO.syncDirectory(FileDescriptorIO.directoryOf(path)) } catch {
                Glibc.close(fd)
                throw error
            }
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Appends `bytes` in one `write`; on failure (e.g. a full disk) the partial record is cut off.
    public func append(_ bytes: [UInt8]) throws(FileIOError) {
        guard fd >= 0 else { throw .systemCall(.appendToClosed, path: path, errno: EBADF) }
        if let (_, code) = FileDescriptorIO.writeAll(fd, bytes) {
            _ = ftruncate(fd, off_t(size))
            throw .systemCall(.write, path: path, errno: code)
        }
        size += Int64(bytes.count)
    }

    /// Cuts the file to its first `length` bytes (nothing when it is not longer) and syncs it;
    /// `operation` names the cut in an error.
    public func truncate(to length: Int64, operation: FileIOError.Operation = .truncate) throws(FileIOError) {
        guard fd >= 0 else { throw .systemCall(.syncClosed, path: path, errno: EBADF) }
        let length = max(length, 0)
        guard length < size else { return }
        guard ftruncate(fd, off_t(length)) == 0 else { throw .systemCall(operation, path: path, errno: errno) }
        size = length
        try sync()
    }

    /// Makes every appended record durable; call at iteration boundaries.
    public func sync() throws(FileIOError) {
        guard fd >= 0 else { throw .systemCall(.syncClosed, path: path, errno: EBADF) }
        let code = FileDescriptorIO.sync(fd)
        if code != 0 { throw .systemCall(.fsync, path: path, errno: code) }
    }

    /// Syncs and closes the file.
    public func close() throws(FileIOError) {
        guard fd >= 0 else { return }
        defer { Glibc.close(fd); fd = -1 }
        try sync()
    }
}
