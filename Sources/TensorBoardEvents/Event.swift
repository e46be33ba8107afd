/// One TensorBoard `Event` (tensorflow/core/util/event.proto): `wall_time` (field 1, double),
/// `step` (field 2, int64) and either `file_version` (field 3, string), which the first event of
/// every file carries, or a `Summary` (field 5) of scalar values. A `Summary.Value` is a `tag`
/// (field 1) and a `simple_value` (field 2, float), the form TensorBoard's scalar plugin reads.
public struct Event: Equatable, Sendable {
    public enum Content: Equatable, Sendable {
        /// The file's format, `brain.Event:2`.
        case fileVersion(String)
        /// Scalars at one step, tag and value, in order.
        case scalars([Scalar])
    }

    /// One scalar of a summary.
    public struct Scalar: Equatable, Sendable {
        public var tag: String
        public var value: Float
        public init(tag: String, value: Float) {
            self.tag = tag
            self.value = value
        }
    }

    /// Seconds since the Unix epoch.
    public var wallTime: Double
    public var step: Int64
    public var content: Content

    public init(wallTime: Double, step: Int64, content: Content) {
        self.wallTime = wallTime
        self.step = step
        self.content = content
    }

    /// The version TensorBoard's loader expects in a file's first event.
    public static let currentFileVersion = "brain.Event:2"

    /// The event in protobuf wire format, byte for byte as protobuf's proto3 serializer writes it
    /// (a zero wall time or step is left out, since it is the field's default).
    public func encoded() -> [UInt8] {
        var writer = ProtobufWriter()
        if wallTime.bitPattern != 0 { writer.double(field: 1, wallTime) }
        if step != 0 { writer.int64(field: 2, step) }
        switch content {
        case let .fileVersion(version):
            writer.string(field: 3, version)
        case let .scalars(scalars):
            var summary = ProtobufWriter()
            for scalar in scalars {
                var value = ProtobufWriter()
                value.string(field: 1, scalar.tag)
                value.float(field: 2, scalar.value)
                summary.lengthDelimited(field: 1, value.bytes)
            }
            writer.lengthDelimited(field: 5, summary.bytes)
        }
        return writer.bytes
    }

    /// Decodes an event this module wrote (and any event with these fields); nil for a message
    /// that is malformed or has neither a file version nor a summary.
    public static func decode(_ bytes: [UInt8]) -> Event? {
        var reader = ProtobufReader(bytes)
        var wallTime = 0.0
        var step: Int64 = 0
        var content: Content?
        while let field = reader.next() {
            switch (field.number, field.type) {
            case (1, 1): wallTime = Double(bitPattern: littleEndian64(field.payload))
            case (2, 0): step = Int64(bitPattern: field.varint)
            case (3, 2): content = .fileVersion(String(decoding: field.payload, as: UTF8.self))
            case (5, 2):
                guard let scalars = decodeSummary(Array(field.payload)) else { return nil }
                content = .scalars(scalars)
            default: continue
            }
        }
        guard !reader.malformed, let content else { return nil }
        return Event(wallTime: wallTime, step: step, content: content)
    }

    private static func decodeSummary(_ bytes: [UInt8]) -> [Scalar]? {
        var reader = ProtobufReader(bytes)
        var scalars: [Scalar] = []
        while let field = reader.next() {
            guard field.number == 1, field.type == 2 else { continue }
            var valueReader = ProtobufReader(Array(field.payload))
            var tag = ""
            var value: Float = 0
            while let inner = valueReader.next() {
                if inner.number == 1, inner.type == 2 { tag = String(decoding: inner.payload, as: UTF8.self) }
                if inner.number == 2, inner.type == 5 { value = Float(bitPattern: UInt32(truncatingIfNeeded: littleEndian64(inner.payload))) }
            }
            guard !valueReader.malformed else { return nil }
            scalars.append(Scalar(tag: tag, value: value))
        }
        return reader.malformed ? nil : scalars
    }

    private static func littleEndian64(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for (index, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
        return value
    }
}
