#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the complete lines of an append-only file, leaving out a final line without its
/// newline (one being written, or torn by a crash). `nextOffset` lets `logs -f` continue from
/// where it stopped, re-reading the incomplete line once it is finished.
public enum LineReader {
    /// The complete lines of `path` starting at byte `offset`, and the offset just past them.
    public static func completeLines(path: String, from offset: Int64 = 0) throws(FileIOError) -> (lines: [String], nextOffset: Int64) {
        guard offset >= 0 else { throw .negativeOffset(path: path, offset: offset) }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw .systemCall(.open, path: path, errno: errno) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var position = offset
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(position)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .systemCall(.read, path: path, errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            position += Int64(count)
        }
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else { return ([], offset) }
        let lines = bytes[..<lastNewline].split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        return (lines, offset + Int64(lastNewline) + 1)
    }
}
