internal import CSystemZlib

/// The only door to zlib: every zlib call in drats is in this file. The PNG encoder needs the
/// zlib stream format (RFC 1950: header, DEFLATE, Adler-32 trailer) for IDAT and CRC-32 for its
/// chunks; zlib is the reference implementation of all three, so we no longer keep our own.
enum Zlib {
    /// `data` compressed as one zlib stream at zlib's default level.
    static func compress(_ data: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(capacity))
        let status = out.withUnsafeMutableBufferPointer { destination in
            data.withUnsafeBufferPointer { source in
                compress2(destination.baseAddress, &capacity, source.baseAddress, uLong(source.count), Z_DEFAULT_COMPRESSION)
            }
        }
        // compressBound is an upper bound, and a buffer in memory cannot fail otherwise.
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        out.removeSubrange(Int(capacity)...)
        return out
    }

    /// CRC-32 (ISO 3309, polynomial 0xEDB88320) of `data`, as PNG chunks carry it.
    static func crc32(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { UInt32(crc32_z(0, $0.baseAddress, z_size_t($0.count))) }
    }
}
