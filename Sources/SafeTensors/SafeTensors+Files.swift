public import struct Foundation.URL

extension SafeTensors {
    /// Writes `file` to `url` atomically with a `drats.checksum` metadata entry: a crash or a failure
    /// (ENOSPC, ...) leaves the previous file intact and no temporary file behind. Any
    /// `drats.checksum` already in `file.metadata` is replaced.
    public static func write(_ file: SafeTensorsFile, to url: URL) throws {
        let bytes = try Checksum.seal(file)
        try AtomicFile.replace(
            path: url.path, directory: url.deletingLastPathComponent().path, name: url.lastPathComponent, with: bytes)
    }

    /// Reads and fully validates the file at `url`, verifying its `drats.checksum` (which is removed
    /// from the returned metadata, so `read` returns exactly what `write` was given).
    /// With `requireChecksum: false`, files from other tools (no checksum) are accepted;
    /// a checksum that is present is always verified.
    public static func read(from url: URL, requireChecksum: Bool = true) throws -> SafeTensorsFile {
        let bytes = try AtomicFile.read(path: url.path)
        return try Checksum.open(bytes, path: url.path, requireChecksum: requireChecksum)
    }
}
