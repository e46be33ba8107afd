#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and crash-safe whole-file replacement over POSIX calls.
///
/// A replacement goes temp file (same directory, so the rename cannot cross file systems) → write
/// everything → fsync → close → rename over the target → fsync the directory. Readers therefore see
/// either the old file or the complete new one, never a mix, even across a power loss.
enum AtomicFile {
    /// One `write(2)`-like call: bytes written, or -1 with the errno. Replaceable only to inject
    /// operating-system failures (ENOSPC) in tests.
    typealias WriteCall = @Sendable (_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> (written: Int, errno: Int32)

    static let systemWrite: WriteCall = { descriptor, buffer in
        let written = write(descriptor, buffer.baseAddress, buffer.count)
        return (written, written < 0 ? errno : 0)
    }

    static func message(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Replaces the file at `path` (in `directory`, named `name`) with `bytes`.
    static func replace(
        path: String, directory: String, name: String, with bytes: [UInt8], writeCall: WriteCall = systemWrite
    ) throws(SafeTensorsError) {
        let (descriptor, temporaryPath) = try createTemporary(path: path, directory: directory, name: name)
        var failure: (operation: String, errno: Int32)?

        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let (written, code) = writeCall(descriptor, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                if written < 0 && code == EINTR { continue }
                if written <= 0 {
                    failure = ("write to temporary file \(temporaryPath) after \(offset) of \(buffer.count) bytes", written < 0 ? code : EIO)
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = ("fsync of temporary file \(temporaryPath)", errno) }
        if close(descriptor) != 0 && failure == nil { failure = ("close of temporary file \(temporaryPath)", errno) }
        if failure == nil && rename(temporaryPath, path) != 0 { failure = ("rename of \(temporaryPath) over the target", errno) }
        if let failure {
            unlink(temporaryPath)
            throw .writeFailed(path: path, operation: failure.operation, errno: failure.errno, message: message(failure.errno))
        }

        // Without this the rename itself may be lost in a crash, leaving the old file.
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryDescriptor >= 0 else {
            let code = errno
            throw .directorySyncFailed(path: path, errno: code, message: message(code))
        }
        defer { close(directoryDescriptor) }
        guard fsync(directoryDescriptor) == 0 else {
            let code = errno
            throw .directorySyncFailed(path: path, errno: code, message: message(code))
        }
    }

    /// Creates `.<name>.tmp-<pid>-<n>` exclusively, so concurrent writers never share a temporary file.
    private static func createTemporary(path: String, directory: String, name: String) throws(SafeTensorsError) -> (Int32, String) {
        for attempt in 0..<1000 {
            let temporaryPath = directory + "/." + name + ".tmp-\(getpid())-\(attempt)"
            let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (descriptor, temporaryPath) }
            let code = errno
            if code != EEXIST {
                throw .writeFailed(path: path, operation: "create temporary file \(temporaryPath)", errno: code, message: message(code))
            }
        }
        throw .writeFailed(path: path, operation: "create a temporary file (1000 names in use)", errno: EEXIST, message: message(EEXIST))
    }

    /// The whole file at `path`.
    static func read(path: String) throws(SafeTensorsError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw .readFailed(path: path, operation: "open", errno: code, message: message(code))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            throw .readFailed(path: path, operation: "fstat", errno: code, message: message(code))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw .readFailed(path: path, operation: "open", errno: EISDIR, message: "not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .readFailed(path: path, operation: "read", errno: code, message: message(code))
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
