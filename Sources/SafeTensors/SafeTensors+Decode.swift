extension SafeTensors {
    /// Validates and splits file bytes into tensors and metadata.
    enum Decoder {
        struct Decoded {
            var file: SafeTensorsFile
            /// Absolute byte range of each metadata value's raw contents (between its quotes).
            var metadataValueRanges: [String: Range<Int>]
        }

        /// One header entry before its bytes are sliced out.
        private struct Entry {
            var name: String
            var dtype: DType
            var shape: [Int]
            var begin: Int
            var end: Int
        }

        static func decode(_ bytes: [UInt8]) throws(SafeTensorsError) -> Decoded {
            guard bytes.count >= 8 else {
                throw .truncated(what: "8-byte header length", neededBytes: 8, availableBytes: bytes.count)
            }
            var headerLength: UInt64 = 0
            for index in (0..<8).reversed() { headerLength = headerLength << 8 | UInt64(bytes[index]) }
            guard headerLength <= UInt64(maximumHeaderBytes) else {
                throw .headerTooLarge(lengthBytes: headerLength, limitBytes: maximumHeaderBytes)
            }
            let dataStart = 8 + Int(headerLength)
            guard dataStart <= bytes.count else {
                throw .truncated(what: "header", neededBytes: dataStart, availableBytes: bytes.count)
            }
            let members = try JSONParser.parseObject(Array(bytes[8..<dataStart]))

            var metadata: [String: String] = [:]
            var valueRanges: [String: Range<Int>] = [:]
            var entries: [Entry] = []
            for (name, value) in members {
                if name == metadataKey {
                    guard case let .object(pairs) = value else {
                        throw .invalidField(tensor: metadataKey, field: metadataKey, reason: "must be an object, found \(value.typeName)")
                    }
                    for (key, item) in pairs {
                        guard case let .string(text, range) = item else {
                            throw .invalidField(tensor: metadataKey, field: key, reason: "must be a string, found \(item.typeName)")
                        }
                        metadata[key] = text
                        valueRanges[key] = (8 + range.lowerBound)..<(8 + range.upperBound)
                    }
                } else {
                    entries.append(try entry(named: name, value))
                }
            }

            // Tile the data section: sorted by offset, each tensor starts where the previous ended.
            entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
            var expectedBegin = 0
            for entry in entries {
                guard entry.begin == expectedBegin else {
                    throw .offsetsNotContiguous(tensor: entry.name, begin: entry.begin, expectedBegin: expectedBegin)
                }
                let needed: Int
                do { needed = try Tensor.byteCount(dtype: entry.dtype, shape: entry.shape) } catch {
                    throw .invalidField(tensor: entry.name, field: "shape", reason: "\(entry.shape) is too large")
                }
                guard needed == entry.end - entry.begin else {
                    throw .sizeMismatch(
                        tensor: entry.name, shape: entry.shape, dtype: entry.dtype,
                        expectedBytes: needed, actualBytes: entry.end - entry.begin)
                }
                expectedBegin = entry.end
            }
            let dataLength = bytes.count - dataStart
            guard expectedBegin <= dataLength else {
                throw .truncated(what: "data section", neededBytes: dataStart + expectedBegin, availableBytes: bytes.count)
            }
            guard expectedBegin == dataLength else { throw .trailingBytes(count: dataLength - expectedBegin) }

            var tensors: [String: Tensor] = [:]
            for entry in entries {
                let slice = Array(bytes[(dataStart + entry.begin)..<(dataStart + entry.end)])
                tensors[entry.name] = try? Tensor(dtype: entry.dtype, shape: entry.shape, bytes: slice)
            }
            return Decoded(file: SafeTensorsFile(tensors: tensors, metadata: metadata), metadataValueRanges: valueRanges)
        }

        private static func entry(named name: String, _ value: JSONValue) throws(SafeTensorsError) -> Entry {
            guard case let .object(fields) = value else {
                throw .invalidField(tensor: name, field: "(entry)", reason: "must be an object with dtype, shape and data_offsets, found \(value.typeName)")
            }
            var dtype: DType?
            var shape: [Int]?
            var offsets: [Int]?
            for (field, item) in fields {
                switch field {
                case "dtype":
                    guard case let .string(text, _) = item else {
                        throw .invalidField(tensor: name, field: field, reason: "must be a string, found \(item.typeName)")
                    }
                    guard let known = DType(rawValue: text) else { throw .unknownDType(tensor: name, dtype: text) }
                    dtype = known
                case "shape":
                    shape = try integers(item, tensor: name, field: field)
                case "data_offsets":
                    let pair = try integers(item, tensor: name, field: field)
                    guard pair.count == 2 else {
                        throw .invalidField(tensor: name, field: field, reason: "must hold exactly [begin, end], found \(pair.count) numbers")
                    }
                    guard pair[0] <= pair[1] else {
                        throw .invalidField(tensor: name, field: field, reason: "begin \(pair[0]) is after end \(pair[1])")
                    }
                    offsets = pair
                default:
                    throw .invalidField(tensor: name, field: field, reason: "is not a safetensors field; expected dtype, shape, data_offsets")
                }
            }
            guard let dtype else { throw .invalidField(tensor: name, field: "dtype", reason: "is missing") }
            guard let shape else { throw .invalidField(tensor: name, field: "shape", reason: "is missing") }
            guard let offsets else { throw .invalidField(tensor: name, field: "data_offsets", reason: "is missing") }
            return Entry(name: name, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
        }

        private static func integers(_ value: JSONValue, tensor: String, field: String) throws(SafeTensorsError) -> [Int] {
            guard case let .array(items) = value else {
                throw .invalidField(tensor: tensor, field: field, reason: "must be an array of non-negative integers, found \(value.typeName)")
            }
            var result: [Int] = []
            for item in items {
                guard case let .number(text) = item else {
                    throw .invalidField(tensor: tensor, field: field, reason: "must hold non-negative integers, found \(item.typeName)")
                }
                guard !text.hasPrefix("-"), let integer = Int(text) else {
                    throw .invalidField(tensor: tensor, field: field, reason: "must hold non-negative integers that fit in 64 bits, found \(text)")
                }
                result.append(integer)
            }
            return result
        }
    }
}
