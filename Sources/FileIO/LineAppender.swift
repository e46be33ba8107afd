#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends whole lines to `train.log` or `metrics.jsonl`. The trainer calls `sync()` at each
/// iteration boundary, so after a crash the file holds every synced iteration and at most one
/// torn line at the end, which `LineReader` skips and the next `LineAppender` cuts off before
/// appending (otherwise the next record would be glued to the torn one).
///
/// One appender per file; not for use from several threads at once.
public final class LineAppender {
    /// The file appended to.
    public let path: String
    /// Bytes of a torn final line removed when the file was opened (0 if it ended cleanly).
    public private(set) var repairedTornBytes: Int = 0
    private var fd: Int32
    private var size: Int64

    /// Opens (creating if needed) `path` for appending, cutting off a torn final line.
    public init(path: String, permissions: mode_t = 0o640) throws(FileIOError) {
        self.path = path
        let existed = access(path, F_OK) == 0
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, permissions)
        guard fd >= 0 else { throw .systemCall(.openForAppending, path: path, errno: errno) }
        size = 0
        do {
            size = try fileSize()
            try repairTornTail()
            if !existed { try FileDescriptorIO.syncDirectory(FileDescriptorIO.directoryOf(path)) }
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Appends `line` and a newline in one `write`. On failure (e.g. a full disk) the partial
    /// line is cut off again so the file still ends at a line boundary.
    public func append(_ line: String) throws(FileIOError) {
        guard fd >= 0 else { throw .systemCall(.appendToClosed, path: path, errno: EBADF) }
        guard !line.utf8.contains(0x0A) else { throw .lineContainsNewline(path: path) }
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        if let (_, code) = FileDescriptorIO.writeAll(fd, bytes) {
            _ = ftruncate(fd, off_t(size))
            throw .systemCall(.write, path: path, errno: code)
        }
        size += Int64(bytes.count)
    }

    /// Makes every appended line durable; call at iteration boundaries.
    public func sync() throws(FileIOError) {
        guard fd >= 0 else { throw .systemCall(.syncClosed, path: path, errno: EBADF) }
        try syncFile()
    }

    /// Syncs and closes the file.
    public func close() throws(FileIOError) {
        guard fd >= 0 else { return }
        defer { Glibc.close(fd); fd = -1 }
        try sync()
    }

    private func syncFile() throws(FileIOError) {
        let code = FileDescriptorIO.sync(fd)
        if code != 0 { throw .systemCall(.fsync, path: path, errno: code) }
    }

    private func fileSize() throws(FileIOError) -> Int64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .systemCall(.stat, path: path, errno: errno) }
        return Int64(info.st_size)
    }

    private func repairTornTail() throws(FileIOError) {
        guard size > 0 else { return }
        let readFD = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard readFD >= 0 else { throw .systemCall(.openForRepair, path: path, errno: errno) }
        defer { Glibc.close(readFD) }
        // Scan backwards in chunks for the last newline.
        var chunk = [UInt8](repeating: 0, count: 4096)
        var end = size
        while end > 0 {
            let start = max(0, end - Int64(chunk.count))
            let count = chunk.withUnsafeMutableBytes { pread(readFD, $0.baseAddress!, Int(end - start), off_t(start)) }
            guard count == Int(end - start) else { throw .systemCall(.read, path: path, errno: count < 0 ? errno : EIO) }
            if let last = chunk[0..<count].lastIndex(of: 0x0A) {
                try truncate(to: start + Int64(last) + 1)
                return
            }
            if end == size, chunk[count - 1] == 0x0A { return }
            end = start
        }
        try truncate(to: 0)
    }

    private func truncate(to newSize: Int64) throws(FileIOError) {
        guard newSize < size else { return }
        guard ftruncate(fd, off_t(newSize)) == 0 else { throw .systemCall(.truncateTornLine, path: path, errno: errno) }
        try syncFile()
        repairedTornBytes = Int(size - newSize)
        size = newSize
    }
}
