import Testing
@testable import SafeTensors

@Suite struct TensorTests {
    @Test func float32ValuesRoundTripIncludingSpecialValues() throws {
        let values: [Float] = [0, -0.0, 1.5, -3e38, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        let tensor = try Tensor(float32: values, shape: [3, 3])
        #expect(tensor.dtype == .f32)
        #expect(tensor.bytes.count == 36)
        let back = try tensor.float32Values()
        #expect(back.map(\.bitPattern) == values.map(\.bitPattern))
    }

    @Test func float64AndIntegerValuesRoundTrip() throws {
        let doubles: [Double] = [.pi, -.nan, -0.0, .leastNormalMagnitude]
        #expect(try Tensor(float64: doubles, shape: [4]).float64Values().map(\.bitPattern) == doubles.map(\.bitPattern))
        let longs: [Int64] = [.min, -1, 0, .max]
        #expect(try Tensor(int64: longs, shape: [2, 2]).int64Values() == longs)
        let ints: [Int32] = [.min, 7, .max]
        #expect(try Tensor(int32: ints, shape: [3]).int32Values() == ints)
        let unsigned: [UInt64] = [0, .max]
        #expect(try Tensor(values: unsigned, shape: [2]).values(as: UInt64.self) == unsigned)
    }

    @Test func bytesAreLittleEndian() throws {
        #expect(try Tensor(int32: [0x0102_0304], shape: [1]).bytes == [4, 3, 2, 1])
        #expect(try Tensor(float64: [1], shape: []).bytes == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
    }

    @Test func scalarAndEmptyShapes() throws {
        let scalar = try Tensor(float32: [2], shape: [])
        #expect(scalar.elementCount == 1)
        let empty = try Tensor(float32: [], shape: [0, 5])
        #expect(empty.elementCount == 0 && empty.bytes.isEmpty)
        #expect(try empty.float32Values().isEmpty)
    }

    @Test func wrongValueCountIsRejected() {
        let error = safeTensorsError { _ = try Tensor(float32: [1, 2, 3], shape: [2, 2]) }
        #expect(error?.description.contains("holds 4 elements but 3 values") == true)
    }

    @Test func negativeDimensionIsRejected() {
        let error = safeTensorsError { _ = try Tensor(dtype: .u8, shape: [2, -1], bytes: []) }
        #expect(error?.description.contains("negative dimension -1") == true)
    }

    @Test func overflowingShapeIsRejected() {
        let error = safeTensorsError { _ = try Tensor(dtype: .f64, shape: [Int.max / 4, 4], bytes: []) }
        #expect(error?.description.contains("more bytes than fit") == true)
    }

    @Test func byteCountMustMatchShape() {
        let error = safeTensorsError { _ = try Tensor(dtype: .f32, shape: [2], bytes: [0, 0, 0]) }
        #expect(error == .invalidTensor(reason: "shape [2] of F32 needs 8 bytes, got 3"))
    }

    @Test func readingWithTheWrongTypeIsRejected() throws {
        let tensor = try Tensor(float64: [1], shape: [1])
        let error = safeTensorsError { _ = try tensor.float32Values() }
        #expect(error?.description.contains("holds F64, not F32") == true)
    }

    @Test func valuesOfATensorWhoseFieldsWereEditedInconsistentlyAreRejected() throws {
        var tensor = try Tensor(float32: [1, 2], shape: [2])
        tensor.shape = [3]
        #expect(safeTensorsError { _ = try tensor.float32Values() }?.description.contains("needs 12 bytes, but the tensor holds 8") == true)
        tensor.shape = [-1]
        #expect(tensor.elementCount == 0)
    }

    @Test func dtypeSizesMatchTheFormat() {
        #expect(DType.allCases.count == 16)
        #expect(DType.bool.byteSize == 1 && DType.bf16.byteSize == 2 && DType.u32.byteSize == 4 && DType.c64.byteSize == 8)
        #expect(DType(rawValue: "F8_E4M3") == .f8e4m3)
    }
}
