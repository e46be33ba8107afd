extension SafeTensors {
    /// Builds file bytes, remembering where a metadata value sits so the checksum can be patched in.
    enum Encoder {
        struct Encoded {
            var bytes: [UInt8]
            /// Absolute byte range of each metadata value's raw contents (between its quotes).
            var metadataValueRanges: [String: Range<Int>]
        }

        static func encode(_ file: SafeTensorsFile) throws(SafeTensorsError) -> Encoded {
            let layout = try layoutOrder(file.tensors)

            var header: [UInt8] = [UInt8(ascii: "{")]
            var valueRanges: [String: Range<Int>] = [:]
            var needsComma = false
            if !file.metadata.isEmpty {
                appendString(metadataKey, to: &header)
                header.append(contentsOf: Array(":{".utf8))
                let keys = file.metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                for (index, key) in keys.enumerated() {
                    if index > 0 { header.append(UInt8(ascii: ",")) }
                    appendString(key, to: &header)
                    header.append(UInt8(ascii: ":"))
                    let start = header.count + 1
                    appendString(file.metadata[key]!, to: &header)
                    valueRanges[key] = (8 + start)..<(8 + header.count - 1)
                }
                header.append(UInt8(ascii: "}"))
                needsComma = true
            }
            var offset = 0
            for (name, tensor) in layout {
                if needsComma { header.append(UInt8(ascii: ",")) }
                needsComma = true
                appendString(name, to: &header)
                header.append(contentsOf: Array(":{\"dtype\":".utf8))
                appendString(tensor.dtype.rawValue, to: &header)
                header.append(contentsOf: Array(",\"shape\":[".utf8))
                header.append(contentsOf: Array(tensor.shape.map(String.init).joined(separator: ",").utf8))
                header.append(contentsOf: Array("],\"data_offsets\":[\(offset),\(offset + tensor.bytes.count)]}".utf8))
                offset += tensor.bytes.count
            }
            header.append(UInt8(ascii: "}"))
            // The reference pads with spaces so the data section starts 8-byte aligned.
            header.append(contentsOf: repeatElement(UInt8(ascii: " "), count: (8 - header.count % 8) % 8))

            var bytes: [UInt8] = []
            bytes.reserveCapacity(8 + header.count + offset)
            withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: header)
            for (_, tensor) in layout { bytes.append(contentsOf: tensor.bytes) }
            return Encoded(bytes: bytes, metadataValueRanges: valueRanges)
        }

        /// Tensors in the reference implementation's layout order, validated.
        static func layoutOrder(_ tensors: [String: Tensor]) throws(SafeTensorsError) -> [(String, Tensor)] {
            for (name, tensor) in tensors {
                guard name != metadataKey else {
                    throw .invalidField(tensor: name, field: "name", reason: "is reserved for the metadata; rename the tensor")
                }
                let expected: Int
                do { expected = try Tensor.byteCount(dtype: tensor.dtype, shape: tensor.shape) } catch {
                    throw .invalidField(tensor: name, field: "shape", reason: "\(tensor.shape) is invalid: \(error)")
                }
                guard expected == tensor.bytes.count else {
                    throw .sizeMismatch(
                        tensor: name, shape: tensor.shape, dtype: tensor.dtype,
                        expectedBytes: expected, actualBytes: tensor.bytes.count)
                }
            }
            return tensors.sorted { left, right in
                if left.value.dtype != right.value.dtype {
                    return left.value.dtype.layoutRank > right.value.dtype.layoutRank
                }
                return left.key.utf8.lexicographicallyPrecedes(right.key.utf8)
            }.map { ($0.key, $0.value) }
        }

        /// Appends `text` as a JSON string escaped the way serde_json does (the reference's serializer).
        static func appendString(_ text: String, to out: inout [UInt8]) {
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: Array("\\u00".utf8))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}
