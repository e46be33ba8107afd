import FileIO
public import struct Foundation.URL

extension SafeTensors {
    /// Writes `file` to `url` atomically with a `drats.checksum` metadata entry: a crash or a failure
    /// (ENOSPC, ...) leaves the previous file intact and no temporary file behind. Any
    /// `drats.checksum` already in `file.metadata` is replaced.
    public static func write(_ file: SafeTensorsFile, to url: URL) throws {
        try writeBytes(try Checksum.seal(file), to: url.path)
    }

    /// Replaces the file at `path` with `bytes` (readable by everyone, like other tools' checkpoints);
    /// `writeCall` is replaceable only to inject operating-system failures in tests.
    static func writeBytes(
        _ bytes: [UInt8], to path: String, writeCall: FileDescriptorIO.WriteCall = FileDescriptorIO.systemWrite
    ) throws(SafeTensorsError) {
        do {
            try AtomicFile.write(bytes, to: path, permissions: 0o644, writeCall: writeCall)
        } catch {
            throw .writing(path, error)
        }
    }

    /// Reads and fully validates the file at `url`, verifying its `drats.checksum` (which is removed
    /// from the returned metadata, so `read` returns exactly what `write` was given).
    /// With `requireChecksum: false`, files from other tools (no checksum) are accepted;
    /// a checksum that is present is always verified.
    public static func read(from url: URL, requireChecksum: Bool = true) throws -> SafeTensorsFile {
        let path = url.path
        let bytes: [UInt8]?
        do {
            bytes = try FileContents.read(path, followingSymlinks: true)
        } catch {
            throw SafeTensorsError.reading(path, error)
        }
        guard let bytes else { throw SafeTensorsError.missing(path) }
        return try Checksum.open(bytes, path: path, requireChecksum: requireChecksum)
    }
}
