#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FileIO

extension SafeTensorsError {
    /// A failed checkpoint write in the words checkpoint errors have always used: `writeFailed`
    /// before the rename (the old file is intact), `directorySyncFailed` after it.
    static func writing(_ path: String, _ error: FileIOError) -> SafeTensorsError {
        guard case let .systemCall(operation, _, code) = error else {
            return .writeFailed(path: path, operation: "write", errno: EIO, message: error.description)
        }
        let step: String
        switch operation {
        case .openDirectory, .syncDirectory:
            return .directorySyncFailed(path: path, errno: code, message: message(code))
        case let .createTemporary(temporary) where code == EEXIST:
            step = "create a temporary file (1000 names in use, the last \(temporary))"
        case let .createTemporary(temporary): step = "create temporary file \(temporary)"
        case let .writeTemporary(temporary, written, total): step = "write to temporary file \(temporary) after \(written) of \(total) bytes"
        case let .syncTemporary(temporary): step = "fsync of temporary file \(temporary)"
        case let .closeTemporary(temporary): step = "close of temporary file \(temporary)"
        case let .renameTemporary(temporary): step = "rename of \(temporary) over the target"
        default: step = "write"
        }
        return .writeFailed(path: path, operation: step, errno: code, message: message(code))
    }

    /// A failed checkpoint read: `readFailed` naming the step ("open" for a missing file, which
    /// callers match to tell a missing checkpoint from a damaged one).
    static func reading(_ path: String, _ error: FileIOError) -> SafeTensorsError {
        switch error {
        case let .systemCall(operation, _, code):
            return .readFailed(path: path, operation: operation == .stat ? "fstat" : operation == .read ? "read" : "open",
                               errno: code, message: message(code))
        case .notRegularFile:
            return .readFailed(path: path, operation: "open", errno: EISDIR, message: "not a regular file")
        case .lineContainsNewline, .negativeOffset:
            return .readFailed(path: path, operation: "read", errno: EIO, message: error.description)
        }
    }

    static func missing(_ path: String) -> SafeTensorsError {
        .readFailed(path: path, operation: "open", errno: ENOENT, message: message(ENOENT))
    }

    private static func message(_ code: Int32) -> String { String(cString: strerror(code)) }
}
