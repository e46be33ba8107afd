/// The integrity check `SafeTensors.write` embeds and `SafeTensors.read` verifies.
///
/// Stored as metadata `drats.checksum` = `crc32c:` + 8 lowercase hex digits. It covers every byte
/// of the file (length prefix, header including padding and the other metadata, tensor data) with
/// the 8 hex digits themselves read as `0`, so any changed byte anywhere is detected.
enum Checksum {
    static let metadataKey = "drats.checksum"
    static let prefix = "crc32c:"
    static let placeholder = prefix + "00000000"

    /// The CRC over `bytes` with `digits` (the 8 hex digits' absolute range) counted as ASCII zeros.
    static func compute(_ bytes: [UInt8], digits: Range<Int>) -> UInt32 {
        var crc = CRC32C()
        crc.update(bytes[..<digits.lowerBound])
        crc.update(repeatElement(UInt8(ascii: "0"), count: digits.count))
        crc.update(bytes[digits.upperBound...])
        return crc.value
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// `bytes` encoded from `file` with the checksum filled in.
    static func seal(_ file: SafeTensorsFile) throws(SafeTensorsError) -> [UInt8] {
        var file = file
        file.metadata[metadataKey] = placeholder
        var encoded = try SafeTensors.Encoder.encode(file)
        let value = encoded.metadataValueRanges[metadataKey]!
        let digits = (value.lowerBound + prefix.utf8.count)..<value.upperBound
        let crc = compute(encoded.bytes, digits: digits)
        encoded.bytes.replaceSubrange(digits, with: Array(hex(crc).utf8))
        return encoded.bytes
    }

    /// Decodes `bytes`, checks the embedded checksum and returns the file without the checksum key.
    static func open(_ bytes: [UInt8], path: String, requireChecksum: Bool) throws(SafeTensorsError) -> SafeTensorsFile {
        let decoded: SafeTensors.Decoder.Decoded
        do { decoded = try SafeTensors.Decoder.decode(bytes) } catch { throw .inFile(path: path, error: error) }
        var file = decoded.file
        guard let range = decoded.metadataValueRanges[metadataKey] else {
            if requireChecksum { throw .checksumMissing(path: path, reason: "no \(metadataKey) metadata") }
            return file
        }
        // Compare raw bytes: an escaped spelling of the same text would change the covered bytes.
        let raw = Array(bytes[range])
        let hexDigits = Array("0123456789abcdef".utf8)
        guard raw.count == placeholder.utf8.count, raw.starts(with: prefix.utf8),
              raw.dropFirst(prefix.utf8.count).allSatisfy(hexDigits.contains)
        else {
            throw .checksumMissing(path: path, reason: "\(metadataKey) is not '\(prefix)' followed by 8 lowercase hex digits")
        }
        let stored = String(decoding: raw.dropFirst(prefix.utf8.count), as: UTF8.self)
        let computed = hex(compute(bytes, digits: (range.lowerBound + prefix.utf8.count)..<range.upperBound))
        guard stored == computed else {
            throw .checksumMismatch(path: path, stored: prefix + stored, computed: prefix + computed)
        }
        file.metadata[metadataKey] = nil
        return file
    }
}
