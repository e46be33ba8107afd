/// Encodes 8-bit RGB pixels as a PNG file (one IDAT chunk, filter type 0 on every row); the
/// compression and checksums are zlib's (Zlib.swift).
public enum PNGEncoder {
    /// `rgb` holds `width * height * 3` bytes, row-major from the top-left pixel.
    public static func encode(rgb: [UInt8], width: Int, height: Int) -> [UInt8] {
        precondition(rgb.count == width * height * 3, "PNGEncoder: pixel buffer does not match the size")
        var scanlines: [UInt8] = []
        scanlines.reserveCapacity(height * (width * 3 + 1))
        for row in 0..<height {
            scanlines.append(0)
            scanlines.append(contentsOf: rgb[(row * width * 3)..<((row + 1) * width * 3)])
        }
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, 2, 0, 0, 0]  // bit depth 8, colour type RGB, deflate, filter set 0, no interlace
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        appendChunk("IHDR", header, to: &file)
        appendChunk("IDAT", Zlib.compress(scanlines), to: &file)
        appendChunk("IEND", [], to: &file)
        return file
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to file: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &file)
        let typed = Array(type.utf8) + data
        file += typed
        appendBigEndian(Zlib.crc32(typed), to: &file)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
