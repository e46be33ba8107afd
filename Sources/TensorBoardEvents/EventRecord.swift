import SafeTensors

/// TensorFlow's record framing, which TensorBoard's event files use: a little-endian u64 length,
/// the masked CRC-32C of those 8 bytes, the data, the masked CRC-32C of the data. TensorBoard
/// drops a record whose checksum is wrong without a word, so the framing is tested byte for byte.
public enum EventRecord {
    /// TensorFlow's masked CRC: rotate right by 15 and add a constant, so that a CRC stored in
    /// data that is itself checksummed does not cancel out.
    public static func maskedCRC32C<Bytes: Collection>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        let crc = CRC32C.checksum(bytes)
        return ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
    }

    /// `data` framed as one record.
    public static func framed(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 16)
        let length = withUnsafeBytes(of: UInt64(data.count).littleEndian) { Array($0) }
        out.append(contentsOf: length)
        appendLittleEndian(maskedCRC32C(length), to: &out)
        out.append(contentsOf: data)
        appendLittleEndian(maskedCRC32C(data), to: &out)
        return out
    }

    /// The records at the start of `bytes` up to the first one that is incomplete or fails a
    /// checksum, and the byte length they cover: after a crash the file ends in at most one
    /// torn record, which is cut off at `validLength`.
    public static func records(in bytes: [UInt8]) -> (records: [[UInt8]], validLength: Int) {
        var records: [[UInt8]] = []
        var offset = 0
        while bytes.count - offset >= 12 {
            let lengthBytes = bytes[offset..<offset + 8]
            guard readLittleEndian(bytes, at: offset + 8) == maskedCRC32C(lengthBytes) else { break }
            var length: UInt64 = 0
            for (index, byte) in lengthBytes.enumerated() { length |= UInt64(byte) << (8 * UInt64(index)) }
            let dataStart = offset + 12
            guard length <= UInt64(bytes.count - dataStart), bytes.count - dataStart - Int(length) >= 4 else { break }
            let data = Array(bytes[dataStart..<dataStart + Int(length)])
            guard readLittleEndian(bytes, at: dataStart + Int(length)) == maskedCRC32C(data) else { break }
            records.append(data)
            offset = dataStart + Int(length) + 4
        }
        return (records, offset)
    }

    private static func appendLittleEndian(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func readLittleEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
