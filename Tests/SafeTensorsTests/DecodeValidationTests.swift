import Testing
@testable import SafeTensors

/// Every malformed input is rejected with an error naming the tensor and field at fault.
@Suite struct DecodeValidationTests {
    let eightBytes = [UInt8](repeating: 1, count: 8)

    func decodeError(_ header: String, data: [UInt8] = []) -> SafeTensorsError? {
        safeTensorsError { _ = try SafeTensors.decode(fileBytes(header: header, data: data)) }
    }

    @Test func emptyFileIsTruncated() {
        #expect(safeTensorsError { _ = try SafeTensors.decode([]) }
            == .truncated(what: "8-byte header length", neededBytes: 8, availableBytes: 0))
    }

    @Test func headerWithNoTensorsIsValid() throws {
        #expect(try SafeTensors.decode(fileBytes(header: "{}")) == SafeTensorsFile())
        #expect(try SafeTensors.encode(SafeTensorsFile()) == fileBytes(header: "{}"))
    }

    @Test func whitespaceInsideAndAfterTheHeaderIsAccepted() throws {
        let file = try SafeTensors.decode(fileBytes(
            header: "{ \"a\" :\n{\"dtype\":\"U8\",\t\"shape\":[ 8 ],\"data_offsets\":[0,8]}\r}  ", data: eightBytes))
        #expect(file.tensors["a"]?.shape == [8])
    }

    @Test func headerLengthBeyondTheLimitIsRejected() {
        var bytes = withUnsafeBytes(of: UInt64(100_000_001).littleEndian) { Array($0) }
        bytes += Array("{}".utf8)
        #expect(safeTensorsError { _ = try SafeTensors.decode(bytes) }
            == .headerTooLarge(lengthBytes: 100_000_001, limitBytes: 100_000_000))
    }

    @Test func headerLongerThanTheFileIsTruncated() {
        let bytes = withUnsafeBytes(of: UInt64(64).littleEndian) { Array($0) } + Array("{}".utf8)
        #expect(safeTensorsError { _ = try SafeTensors.decode(bytes) }
            == .truncated(what: "header", neededBytes: 72, availableBytes: 10))
    }

    @Test func headerMustBeAJSONObject() {
        #expect(decodeError("[]") == .invalidHeader(offset: 0, reason: "the header must start with '{'"))
        #expect(decodeError(" {}") == .invalidHeader(offset: 0, reason: "the header must start with '{'"))
        #expect(decodeError("{} x") == .invalidHeader(offset: 3, reason: "unexpected bytes after the header object"))
    }

    @Test func malformedJSONIsRejectedWithItsPosition() {
        #expect(decodeError(#"{"a":1,}"#) == .invalidHeader(offset: 7, reason: "expected a string key"))
        #expect(decodeError(#"{"a":tru}"#) == .invalidHeader(offset: 8, reason: "invalid literal, expected true"))
        #expect(decodeError(#"{"a":01}"#) == .invalidHeader(offset: 6, reason: "expected '}'"))
        #expect(decodeError("{\"a\u{01}\":1}") == .invalidHeader(offset: 3, reason: "control character 0x1 must be escaped in a string"))
        #expect(decodeError(#"{"a":"\x"}"#) == .invalidHeader(offset: 7, reason: "invalid escape '\\x'"))
        #expect(decodeError(#"{"a":"\ud800"}"#) == .invalidHeader(offset: 12, reason: "unpaired UTF-16 surrogate in \\u escape"))
        let deep = "{\"a\":" + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}"
        #expect(decodeError(deep)?.description.contains("nesting deeper than 32") == true)
    }

    @Test func invalidUTF8IsRejected() {
        var bytes = fileBytes(header: #"{"__metadata__":{"k":"vv"}}"#)
        bytes[8 + 22] = 0xFF
        #expect(safeTensorsError { _ = try SafeTensors.decode(bytes) } == .invalidHeader(offset: 22, reason: "string is not valid UTF-8"))
    }

    @Test func escapedNamesAndMetadataDecode() throws {
        let file = try SafeTensors.decode(fileBytes(header: #"{"__metadata__":{"k\n":"\u00e9\ud83d\ude00\/"}}"#))
        #expect(file.metadata == ["k\n": "é😀/"])
    }

    @Test func duplicateKeysAreRejected() {
        let entry = #"{"dtype":"U8","shape":[0],"data_offsets":[0,0]}"#
        #expect(decodeError("{\"a\":\(entry),\"a\":\(entry)}")?.description.contains("duplicate key \"a\"") == true)
    }

    @Test func unknownDTypeNamesTheTensorAndTheValidChoices() {
        let error = decodeError(#"{"w":{"dtype":"F128","shape":[1],"data_offsets":[0,8]}}"#, data: eightBytes)
        #expect(error == .unknownDType(tensor: "w", dtype: "F128"))
        #expect(error?.description.contains("valid dtypes are BOOL, U8") == true)
    }

    @Test func missingExtraAndIllTypedFieldsAreRejected() {
        #expect(decodeError(#"{"w":{"dtype":"U8","shape":[8]}}"#, data: eightBytes)
            == .invalidField(tensor: "w", field: "data_offsets", reason: "is missing"))
        #expect(decodeError(#"{"w":{"dtype":"U8","data_offsets":[0,8]}}"#, data: eightBytes)
            == .invalidField(tensor: "w", field: "shape", reason: "is missing"))
        #expect(decodeError(#"{"w":{"shape":[8],"data_offsets":[0,8]}}"#, data: eightBytes)
            == .invalidField(tensor: "w", field: "dtype", reason: "is missing"))
        #expect(decodeError(#"{"w":{"dtype":"U8","shape":[8],"data_offsets":[0,8],"x":1}}"#, data: eightBytes)?
            .description.contains("field 'x' is not a safetensors field") == true)
        #expect(decodeError(#"{"w":{"dtype":8,"shape":[8],"data_offsets":[0,8]}}"#, data: eightBytes)
            == .invalidField(tensor: "w", field: "dtype", reason: "must be a string, found a number"))
        #expect(decodeError(#"{"w":[]}"#)?.description.contains("tensor 'w'") == true)
    }

    @Test func shapeAndOffsetsMustBeNonNegativeIntegers() {
        for bad in ["-1", "1.5", "1e3", "-0", "\"8\"", "99999999999999999999"] {
            let error = decodeError(#"{"w":{"dtype":"U8","shape":["# + bad + #"],"data_offsets":[0,8]}}"#, data: eightBytes)
            #expect(error?.description.contains("tensor 'w': field 'shape'") == true, "shape \(bad)")
        }
        #expect(decodeError(#"{"w":{"dtype":"U8","shape":[8],"data_offsets":[0]}}"#, data: eightBytes)
            == .invalidField(tensor: "w", field: "data_offsets", reason: "must hold exactly [begin, end], found 1 numbers"))
        #expect(decodeError(#"{"w":{"dtype":"U8","shape":[0],"data_offsets":[8,0]}}"#, data: eightBytes)
            == .invalidField(tensor: "w", field: "data_offsets", reason: "begin 8 is after end 0"))
    }

    @Test func shapeTimesDTypeSizeMustEqualTheByteSpan() {
        #expect(decodeError(#"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, data: eightBytes)
            == .sizeMismatch(tensor: "w", shape: [3], dtype: .f32, expectedBytes: 12, actualBytes: 8))
    }

    @Test func gapsAndOverlapsAreRejected() {
        let gap = #"{"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},"b":{"dtype":"U8","shape":[2],"data_offsets":[4,6]}}"#
        #expect(decodeError(gap, data: [UInt8](repeating: 0, count: 6)) == .offsetsNotContiguous(tensor: "b", begin: 4, expectedBegin: 2))
        let overlap = #"{"a":{"dtype":"U8","shape":[4],"data_offsets":[0,4]},"b":{"dtype":"U8","shape":[4],"data_offsets":[2,6]}}"#
        #expect(decodeError(overlap, data: [UInt8](repeating: 0, count: 6)) == .offsetsNotContiguous(tensor: "b", begin: 2, expectedBegin: 4))
        let notFromZero = #"{"a":{"dtype":"U8","shape":[2],"data_offsets":[2,4]}}"#
        #expect(decodeError(notFromZero, data: [0, 0, 0, 0]) == .offsetsNotContiguous(tensor: "a", begin: 2, expectedBegin: 0))
    }

    @Test func offsetsMayListTensorsInAnyOrder() throws {
        let header = #"{"b":{"dtype":"U8","shape":[1],"data_offsets":[1,2]},"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}"#
        let file = try SafeTensors.decode(fileBytes(header: header, data: [10, 20]))
        #expect(file.tensors["a"]?.bytes == [10] && file.tensors["b"]?.bytes == [20])
    }

    @Test func trailingAndMissingDataBytesAreRejected() {
        let header = #"{"w":{"dtype":"U8","shape":[8],"data_offsets":[0,8]}}"#
        #expect(decodeError(header, data: eightBytes + [0]) == .trailingBytes(count: 1))
        let length = fileBytes(header: header).count
        #expect(decodeError(header, data: [1, 2, 3]) == .truncated(what: "data section", neededBytes: length + 8, availableBytes: length + 3))
        #expect(decodeError("{}", data: [0]) == .trailingBytes(count: 1))
    }

    @Test func metadataMustMapStringsToStrings() {
        #expect(decodeError(#"{"__metadata__":{"epoch":3}}"#)
            == .invalidField(tensor: "__metadata__", field: "epoch", reason: "must be a string, found a number"))
        #expect(decodeError(#"{"__metadata__":[]}"#)
            == .invalidField(tensor: "__metadata__", field: "__metadata__", reason: "must be an object, found an array"))
    }

    @Test func encodeRejectsTheReservedNameAndInconsistentTensors() throws {
        let reserved = SafeTensorsFile(tensors: ["__metadata__": try Tensor(float32: [1], shape: [1])])
        #expect(safeTensorsError { _ = try SafeTensors.encode(reserved) }?.description.contains("reserved") == true)
        var tensor = try Tensor(float32: [1, 2], shape: [2])
        tensor.shape = [3]
        #expect(safeTensorsError { _ = try SafeTensors.encode(SafeTensorsFile(tensors: ["t": tensor])) }
            == .sizeMismatch(tensor: "t", shape: [3], dtype: .f32, expectedBytes: 12, actualBytes: 8))
        tensor.shape = [-2]
        #expect(safeTensorsError { _ = try SafeTensors.encode(SafeTensorsFile(tensors: ["t": tensor])) }?
            .description.contains("negative dimension") == true)
    }
}
