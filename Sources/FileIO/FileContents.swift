#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads, the counterpart of `AtomicFile`: a file replaced atomically is read whole.
public enum FileContents {
    /// The whole regular file at `path`, or nil if it does not exist.
    ///
    /// - Parameter followingSymlinks: false opens with O_NOFOLLOW, so a symbolic link at `path`
    ///   fails with ELOOP instead of being read through (run folders); true reads what it points to.
    /// - Throws: `.notRegularFile` for a directory, device or pipe (a pipe would block forever),
    ///   `.systemCall` for a failed open, fstat or read.
    public static func read(_ path: String, followingSymlinks: Bool = false) throws(FileIOError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (followingSymlinks ? 0 : O_NOFOLLOW))
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .systemCall(.open, path: path, errno: errno)
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .systemCall(.stat, path: path, errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(path: path) }
        // Sized from fstat, grown if the file grows while it is read.
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .systemCall(.read, path: path, errno: errno)
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
