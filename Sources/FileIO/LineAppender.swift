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
    public var path: String { file.path }
    /// Bytes of a torn final line removed when the file was opened (0 if it ended cleanly).
    public private(set) var repairedTornBytes: Int = 0
    private let file: FileAppender

    /// Opens (creating if needed) `path` for appending, cutting off a torn final line.
    public init(path: String, permissions: mode_t = 0o640) throws(FileIOError) {
        file = try FileAppender(path: path, permissions: permissions)
        try repairTornTail()
    }

    /// Appends `line` and a newline in one `write`. On failure (e.g. a full disk) the partial
    /// line is cut off again so the file still ends at a line boundary.
    public func append(_ line: String) throws(FileIOError) {
        guard !line.utf8.contains(0x0A) else { throw .lineContainsNewline(path: path) }
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        try file.append(bytes)
    }

    /// Makes every appended line durable; call at iteration boundaries.
    public func sync() throws(FileIOError) { try file.sync() }

    /// Syncs and closes the file.
    public func close() throws(FileIOError) { try file.close() }

    private func repairTornTail() throws(FileIOError) {
        let size = file.size
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
                try cut(to: start + Int64(last) + 1)
                return
            }
            if end == size, chunk[count - 1] == 0x0A { return }
            end = start
        }
        try cut(to: 0)
    }

    private func cut(to newSize: Int64) throws(FileIOError) {
        let before = file.size
        try file.truncate(to: newSize, operation: .truncateTornLine)
        repairedTornBytes = Int(before - file.size)
    }
}
