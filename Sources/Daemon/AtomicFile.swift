#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Whole-file replacement that a crash or a full disk can never leave half-written: the bytes go
/// to a temporary file beside the target, which is fsynced, renamed over the target, and the
/// directory fsynced. On any failure the temporary file is removed and the old file is untouched.
public enum AtomicFile {
    /// Replaces (or creates) the file at `path` with `bytes`.
    ///
    /// - Throws: `DaemonError.diskFull` when the device is full (the old file is intact), or
    ///   `DaemonError.io` naming the failing call.
    public static func write(_ bytes: [UInt8], to path: String, permissions: mode_t = 0o640) throws(DaemonError) {
        let directory = FileDescriptorIO.directoryOf(path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = directory + "/." + name + ".tmp-\(getpid())-\(TemporaryNames.next())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, permissions)
        guard fd >= 0 else { throw FileDescriptorIO.error(errno, path: path, operation: "create temporary file for") }
        var closed = false
        do throws(DaemonError) {
            try FileDescriptorIO.writeAll(fd, bytes, path: path)
            try FileDescriptorIO.sync(fd, path: path)
            closed = true
            if close(fd) != 0 { throw FileDescriptorIO.error(errno, path: path, operation: "close") }
            if rename(temporary, path) != 0 { throw FileDescriptorIO.error(errno, path: path, operation: "rename temporary file to") }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
        try FileDescriptorIO.syncDirectory(directory)
    }

    /// Replaces the file at `path` with the UTF-8 bytes of `text`.
    public static func write(text: String, to path: String, permissions: mode_t = 0o640) throws(DaemonError) {
        try write(Array(text.utf8), to: path, permissions: permissions)
    }

    /// The whole file, or nil if it does not exist.
    public static func contents(of path: String) throws(DaemonError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw FileDescriptorIO.error(errno, path: path, operation: "open")
        }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileDescriptorIO.error(errno, path: path, operation: "read")
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}

/// Temporary-name suffixes: distinct between threads of this process (the pid separates processes).
private enum TemporaryNames {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var counter: UInt64 = 0

    static func next() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        return counter
    }
}
