#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import FileIO

extension DaemonError {
    /// The daemon's error for a failed system call on `path`: a full disk (or quota) is
    /// `diskFull`, which the service turns into a paused run, anything else `io`.
    static func fileSystem(_ code: Int32, path: String, operation: String) -> DaemonError {
        FileIOError.meansDiskFull(code) ? .diskFull(path: path) : .io(path: path, operation: operation, errno: code)
    }

    /// `error` as the daemon reports it, in the same cases and words as before the file code moved
    /// to FileIO (callers match `.io(_, _, ENOENT)` and `.diskFull`).
    public init(_ error: FileIOError) {
        switch error {
        case let .systemCall(operation, path, code):
            self = .fileSystem(code, path: path, operation: operation.daemonWording)
        case let .lineContainsNewline(path):
            self = .lineContainsNewline(path: path)
        case let .negativeOffset(_, offset):
            self = .invalidField(field: "offset", value: String(offset), allowed: "an integer >= 0")
        case let .notRegularFile(path):
            // What reading a directory reported before the regular-file check.
            self = .io(path: path, operation: "read", errno: EISDIR)
        }
    }

    /// Runs `body`, reporting its file errors as `DaemonError`s.
    public static func mapping<T>(_ body: () throws(FileIOError) -> T) throws(DaemonError) -> T {
        do {
            return try body()
        } catch {
            throw DaemonError(error)
        }
    }
}

extension FileIOError.Operation {
    /// The operation as `DaemonError.io` names it.
    fileprivate var daemonWording: String {
        switch self {
        case .open: "open"
        case .openForAppending: "open for appending"
        case .openForRepair: "open for reading"
        case .read: "read"
        case .stat: "stat"
        case .write, .writeTemporary: "write"
        case .fsync, .syncTemporary, .syncDirectory: "fsync"
        case .truncate: "truncate"
        case .truncateTornLine: "truncate torn line of"
        case .appendToClosed: "append to closed"
        case .syncClosed: "sync closed"
        case .createDirectory: "create directory"
        case .setPermissions: "set permissions of"
        case .openDirectory: "open directory"
        case .createTemporary: "create temporary file for"
        case .closeTemporary: "close"
        case .renameTemporary: "rename temporary file to"
        }
    }
}
