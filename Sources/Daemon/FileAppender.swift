#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileIO

/// Appends whole records of bytes to a file that a crash may leave with a torn record at the end
/// (TensorBoard's event files): the caller finds the last intact record and cuts the file back
/// to it in place (`truncate`), then appends. A failed append is cut off again, so the file
/// always ends at a record boundary. Not for use from several threads at once.
///
/// The file is cut in place rather than rewritten: a reader that holds it open (a live
/// TensorBoard) then sees it end, instead of holding on to a replaced copy forever.
public final class FileAppender {
    /// The file appended to.
    public let path: String
    /// The file's length in bytes.
    public private(set) var size: Int64
    private var fd: Int32

    /// Opens (creating if needed) `path` for appending; never follows a symbolic link.
    public init(path: String, permissions: mode_t = 0o640) throws(DaemonError) {
        self.path = path
        let existed = access(path, F_OK) == 0
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, permissions)
        guard fd >= 0 else { throw .fileSystem(errno, path: path, operation: "open for appending") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .fileSystem(code, path: path, operation: "stat")
        }
        size = Int64(info.st_size)
        if !existed {
            do { try DaemonError.mapping { () throws(FileIOError) in try FileDescriptorIO.syncDirectory(FileDescriptorIO.directoryOf(path)) } } catch {
                Glibc.close(fd)
                throw error
            }
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Appends `bytes` in one `write`; on failure (e.g. `diskFull`) the partial record is cut off.
    public func append(_ bytes: [UInt8]) throws(DaemonError) {
        guard fd >= 0 else { throw .io(path: path, operation: "append to closed", errno: EBADF) }
        if let (_, code) = FileDescriptorIO.writeAll(fd, bytes) {
            _ = ftruncate(fd, off_t(size))
            throw .fileSystem(code, path: path, operation: "write")
        }
        size += Int64(bytes.count)
    }

    /// Cuts the file to its first `length` bytes (no-op when it is not longer) and syncs it.
    public func truncate(to length: Int64) throws(DaemonError) {
        guard fd >= 0 else { throw .io(path: path, operation: "truncate closed", errno: EBADF) }
        guard length < size else { return }
        guard ftruncate(fd, off_t(max(length, 0))) == 0 else { throw .fileSystem(errno, path: path, operation: "truncate") }
        size = max(length, 0)
        try syncFile()
    }

    /// Makes every appended record durable; call at iteration boundaries.
    public func sync() throws(DaemonError) {
        guard fd >= 0 else { throw .io(path: path, operation: "sync closed", errno: EBADF) }
        try syncFile()
    }

    private func syncFile() throws(DaemonError) {
        let code = FileDescriptorIO.sync(fd)
        if code != 0 { throw .fileSystem(code, path: path, operation: "fsync") }
    }

    /// Syncs and closes the file.
    public func close() throws(DaemonError) {
        guard fd >= 0 else { return }
        defer { Glibc.close(fd); fd = -1 }
        try sync()
    }
}
