#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed, naming the file, the step and the operating system's reason.
/// Modules with their own error types (Daemon, SafeTensors) map it so their messages stay theirs;
/// `description` is the message for everyone else.
public enum FileIOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call on `path` failed with `errno`. For an atomic replacement `path` is the
    /// target (the temporary file is in the operation); for the directory steps it is the directory.
    case systemCall(Operation, path: String, errno: Int32)
    /// A line handed to `LineAppender` contains a newline, which would split the record in two.
    case lineContainsNewline(path: String)
    /// `LineReader` was asked to start before the beginning of the file.
    case negativeOffset(path: String, offset: Int64)
    /// A whole-file read found a directory, device or pipe instead of a regular file.
    case notRegularFile(path: String)

    /// The step of a file operation that failed.
    public enum Operation: Equatable, Sendable {
        case open, openForAppending, openForRepair, read, stat, write, fsync, truncate, truncateTornLine
        case appendToClosed, syncClosed, createDirectory, setPermissions, openDirectory, syncDirectory
        /// The steps of an atomic replacement; each carries the temporary file's path.
        case createTemporary(String), syncTemporary(String), closeTemporary(String), renameTemporary(String)
        /// Writing the temporary file stopped after `written` of `total` bytes.
        case writeTemporary(String, written: Int, total: Int)
    }

    /// Whether `code` means the device (or the user's quota) is full.
    public static func meansDiskFull(_ code: Int32) -> Bool { code == ENOSPC || code == EDQUOT }

    /// Whether this is a full device or quota: the previous file is intact and freeing space fixes it.
    public var isDiskFull: Bool {
        if case let .systemCall(_, _, code) = self { return Self.meansDiskFull(code) }
        return false
    }

    public var description: String {
        switch self {
        case let .systemCall(operation, path, code):
            return "\(operation.phrase) \(path) failed: \(String(cString: strerror(code))) (errno \(code)). " + Self.advice(code, path: path)
        case let .lineContainsNewline(path):
            return "a line written to \(path) contains a newline; each record must be one line."
        case let .negativeOffset(path, offset):
            return "cannot read \(path) from byte \(offset); the offset must be 0 or more."
        case let .notRegularFile(path):
            return "\(path) is not a regular file (a directory, device or pipe); give the path of a file."
        }
    }

    /// What the user can do about `code`.
    private static func advice(_ code: Int32, path: String) -> String {
        switch code {
        case ENOSPC, EDQUOT: "The previous file is intact; free disk space (or raise the quota) and retry."
        case EACCES, EPERM: "Check the ownership and permissions of \(path) and its directory."
        case ENOENT, ENOTDIR: "Check that the directory exists."
        case ELOOP: "It is a symbolic link, which is not followed; replace it with a regular file or directory."
        case EROFS: "The file system is read-only; use a writable location."
        default: "Check the device and the path, then retry."
        }
    }
}

extension FileIOError.Operation {
    /// The operation as the start of a sentence naming the path after it.
    var phrase: String {
        switch self {
        case .open: "open"
        case .openForAppending: "open for appending"
        case .openForRepair: "open for reading the last line of"
        case .read: "read"
        case .stat: "stat"
        case .write: "write"
        case .fsync: "fsync"
        case .truncate: "truncate"
        case .truncateTornLine: "truncate the torn last line of"
        case .appendToClosed: "append to closed"
        case .syncClosed: "sync closed"
        case .createDirectory: "create directory"
        case .setPermissions: "set permissions of"
        case .openDirectory: "open directory"
        case .syncDirectory: "fsync directory"
        case let .createTemporary(temporary): "create temporary file \(temporary) for"
        case let .syncTemporary(temporary): "fsync temporary file \(temporary) for"
        case let .closeTemporary(temporary): "close temporary file \(temporary) for"
        case let .renameTemporary(temporary): "rename temporary file \(temporary) to"
        case let .writeTemporary(temporary, written, total): "write (\(written) of \(total) bytes done) temporary file \(temporary) for"
        }
    }
}
