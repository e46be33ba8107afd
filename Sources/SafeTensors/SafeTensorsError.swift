/// Everything that can go wrong building, encoding, decoding, writing or reading a safetensors file.
///
/// Decoding errors name the tensor and header field at fault; file errors name the path and
/// say what state the file system was left in.
public indirect enum SafeTensorsError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The input ended before the structure it announces: fewer than 8 bytes, a header longer than
    /// the rest of the file, or a data section shorter than the tensors' offsets need.
    case truncated(what: String, neededBytes: Int, availableBytes: Int)
    /// The 8-byte header length is larger than the reference limit (100 MB).
    case headerTooLarge(lengthBytes: UInt64, limitBytes: Int)
    /// The header is not valid JSON of the expected shape; `offset` is the byte within the header.
    case invalidHeader(offset: Int, reason: String)
    /// A tensor entry (or `__metadata__`) has a missing, extra or ill-typed field.
    case invalidField(tensor: String, field: String, reason: String)
    /// A tensor names a dtype this module does not know.
    case unknownDType(tensor: String, dtype: String)
    /// A tensor's shape and dtype do not match its byte span.
    case sizeMismatch(tensor: String, shape: [Int], dtype: DType, expectedBytes: Int, actualBytes: Int)
    /// The tensors' data offsets leave a gap or overlap instead of tiling the data section.
    case offsetsNotContiguous(tensor: String, begin: Int, expectedBegin: Int)
    /// Bytes follow the last tensor's data.
    case trailingBytes(count: Int)
    /// A tensor value could not be built or converted (wrong element count, negative dimension, wrong dtype).
    case invalidTensor(reason: String)
    /// A file's stored checksum does not match its contents.
    case checksumMismatch(path: String, stored: String, computed: String)
    /// A file that must carry a checksum (written by `SafeTensors.write`) has none, or an unreadable one.
    case checksumMissing(path: String, reason: String)
    /// Reading a file failed at the operating-system level.
    case readFailed(path: String, operation: String, errno: Int32, message: String)
    /// Writing failed before the rename: the previous file (if any) is unchanged and the temporary file was removed.
    case writeFailed(path: String, operation: String, errno: Int32, message: String)
    /// The new file is in place but its directory could not be synced, so the rename may not survive a crash.
    case directorySyncFailed(path: String, errno: Int32, message: String)
    /// A decoding error in the file at `path`.
    case inFile(path: String, error: SafeTensorsError)

    public var description: String {
        switch self {
        case let .truncated(what, needed, available):
            "truncated: the \(what) needs \(needed) bytes but only \(available) are present"
        case let .headerTooLarge(length, limit):
            "header length \(length) bytes exceeds the limit of \(limit) bytes; this is not a safetensors file or it is corrupt"
        case let .invalidHeader(offset, reason):
            "invalid header JSON at header byte \(offset): \(reason)"
        case let .invalidField(tensor, field, reason):
            "tensor '\(tensor)': field '\(field)' \(reason)"
        case let .unknownDType(tensor, dtype):
            "tensor '\(tensor)': unknown dtype '\(dtype)'; valid dtypes are \(DType.validNames)"
        case let .sizeMismatch(tensor, shape, dtype, expected, actual):
            "tensor '\(tensor)': shape \(shape) of \(dtype.rawValue) needs \(expected) bytes but data_offsets span \(actual)"
        case let .offsetsNotContiguous(tensor, begin, expectedBegin):
            "tensor '\(tensor)': data_offsets begin at \(begin) but the previous tensor ends at \(expectedBegin); "
                + "tensors must tile the data section without gaps or overlaps"
        case let .trailingBytes(count):
            "\(count) unexpected bytes after the last tensor's data"
        case let .invalidTensor(reason):
            "invalid tensor: \(reason)"
        case let .checksumMismatch(path, stored, computed):
            "checkpoint \(path) is corrupt: checksum mismatch (stored \(stored), computed \(computed)); use the previous checkpoint"
        case let .checksumMissing(path, reason):
            "checkpoint \(path) has no valid checksum (\(reason)); it was not written by drats or is corrupt; use the previous checkpoint"
        case let .readFailed(path, operation, errno, message):
            "cannot read \(path): \(operation) failed: \(message) (errno \(errno))"
        case let .writeFailed(path, operation, errno, message):
            "cannot write \(path): \(operation) failed: \(message) (errno \(errno)); "
                + "the previous file at that path (if any) is unchanged and the temporary file was removed"
        case let .directorySyncFailed(path, errno, message):
            "wrote \(path) but syncing its directory failed: \(message) (errno \(errno)); the new file may not survive a crash"
        case let .inFile(path, error):
            "checkpoint \(path) is corrupt or not a safetensors file: \(error); use the previous checkpoint"
        }
    }
}
