/// The few protobuf wire-format pieces an `Event` needs, written by hand: the format is small and
/// stable, and a protobuf library (none is on this machine) would be a dependency for 4 fields.
/// https://protobuf.dev/programming-guides/encoding/ gives the rules used here.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    /// Wire types: 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit.
    enum WireType: UInt8 { case varint = 0, fixed64 = 1, lengthDelimited = 2, fixed32 = 5 }

    mutating func tag(_ field: UInt32, _ type: WireType) { varint(UInt64(field) << 3 | UInt64(type.rawValue)) }

    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func double(field: UInt32, _ value: Double) {
        tag(field, .fixed64)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func float(field: UInt32, _ value: Float) {
        tag(field, .fixed32)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// An int64 field: negative values take ten bytes, as protobuf's two's-complement varint.
    mutating func int64(field: UInt32, _ value: Int64) {
        tag(field, .varint)
        varint(UInt64(bitPattern: value))
    }

    mutating func lengthDelimited(field: UInt32, _ payload: [UInt8]) {
        tag(field, .lengthDelimited)
        varint(UInt64(payload.count))
        bytes.append(contentsOf: payload)
    }

    mutating func string(field: UInt32, _ text: String) { lengthDelimited(field: field, Array(text.utf8)) }
}

/// Reads the fields of one protobuf message, enough to find an `Event`'s step again.
struct ProtobufReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// One field: its number, wire type, and either the varint or the payload bytes.
    struct Field {
        var number: UInt32
        var type: UInt8
        var varint: UInt64 = 0
        var payload: ArraySlice<UInt8> = []
    }

    /// The next field, nil at the end; throws nothing but returns nil on malformed input too,
    /// with `malformed` set.
    private(set) var malformed = false

    mutating func next() -> Field? {
        guard offset < bytes.count, let key = readVarint() else { return nil }
        var field = Field(number: UInt32(truncatingIfNeeded: key >> 3), type: UInt8(key & 7))
        switch field.type {
        case 0:
            guard let value = readVarint() else { return fail() }
            field.varint = value
        case 1, 5:
            let width = field.type == 1 ? 8 : 4
            guard offset + width <= bytes.count else { return fail() }
            field.payload = bytes[offset..<offset + width]
            offset += width
        case 2:
            guard let length = readVarint(), length <= UInt64(bytes.count - offset) else { return fail() }
            field.payload = bytes[offset..<offset + Int(length)]
            offset += Int(length)
        default:
            return fail()
        }
        return field
    }

    private mutating func fail() -> Field? {
        malformed = true
        offset = bytes.count
        return nil
    }

    private mutating func readVarint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        malformed = true
        return nil
    }
}
