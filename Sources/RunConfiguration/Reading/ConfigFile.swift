#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a config file's text, refusing before any YAML is parsed what cannot be a run config:
/// anything but a regular file (a directory; a FIFO, which would block the reader forever), a
/// file above `RunConfig.Limits.fileBytes`, an empty file, and text that is not UTF-8.
enum ConfigFile {
    /// The text of the file at `path`; the reason, as `RunConfigError.unreadable`, otherwise.
    static func text(at path: String) throws(RunConfigError) -> String {
        // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer;
        // it changes nothing for a regular file.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: openFailure(errno, path: path)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(file: path, reason: systemMessage(errno)) }
        if let kind = notRegular(info.st_mode) {
            throw .unreadable(file: path, reason: "it is \(kind), not a file; name a YAML file")
        }
        let limit = RunConfig.Limits.fileBytes
        guard info.st_size <= limit else { throw .unreadable(file: path, reason: tooLarge(Int(info.st_size))) }
        // One byte more than the limit, in case the file grew since fstat.
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: path, reason: systemMessage(errno))
            }
            count += got
        }
        guard count <= limit else { throw .unreadable(file: path, reason: tooLarge(nil)) }
        return try decode(bytes[..<count], file: path)
    }

    /// `bytes` as text: UTF-8 (a leading byte-order mark is dropped), with no NUL, and not only
    /// white space.
    static func decode(_ bytes: ArraySlice<UInt8>, file path: String) throws(RunConfigError) -> String {
        let utf32 = bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF])
        if utf32 || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding = utf32 ? "UTF-32" : "UTF-16"
            throw .unreadable(file: path, reason: "it is \(encoding) text (it starts with a \(encoding) byte-order mark); save it as UTF-8, "
                              + "e.g. iconv -f \(encoding) -t UTF-8 '\(path)' > config.yaml")
        }
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let offset = body.firstIndex(of: 0) {
            let (line, column) = position(of: offset, in: body)
            throw .unreadable(file: path, reason: "it has a NUL byte at line \(line), column \(column) (byte \(offset - bytes.startIndex)); "
                              + "a run config is UTF-8 text, not binary data")
        }
        if let offset = firstInvalidUTF8(body) {
            let (line, column) = position(of: offset, in: body)
            throw .unreadable(file: path, reason: "it is not UTF-8 text: byte \(offset - bytes.startIndex) (line \(line), column \(column)) "
                              + "is 0x\(String(body[offset], radix: 16, uppercase: true)); save the file as UTF-8")
        }
        let text = String(decoding: body, as: UTF8.self)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw .unreadable(file: path, reason: "it is empty; for the paper's MT10 settings write {} in it")
        }
        return text
    }

    /// The kind of a file that is not regular, for the message; nil for a regular file.
    private static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }

    private static func tooLarge(_ size: Int?) -> String {
        let limit = RunConfig.Limits.fileBytes
        return "it is \(size.map { "\($0) bytes" } ?? "larger than \(limit) bytes"); a run config may be at most 1 MiB (\(limit) bytes)"
    }

    private static func openFailure(_ code: Int32, path: String) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied; this user (uid \(geteuid())) needs read access to it and search access to its directories (ls -l '\(path)')"
        case ENOTDIR: return "a part of its path is not a directory"
        default: return systemMessage(code)
        }
    }

    private static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }

    /// 1-based line and column (in bytes) of `offset` in `bytes`.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
        return (before.count { $0 == 0x0A } + 1, offset - lineStart + 1)
    }

    /// Index of the first byte that does not start or continue a valid UTF-8 sequence; nil when
    /// all of `bytes` is UTF-8.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): index += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return index
            }
        }
    }
}
