import Foundation
import Testing
import TestScratch
@testable import SafeTensors
import RandomStreams

@Suite struct RoundTripTests {
    /// A tensor of `dtype` with seeded random bytes for each of a few shapes.
    static func sampleTensors(_ dtype: DType, seed: UInt64) throws -> [String: Tensor] {
        var random = SplitMix64(seed: seed)
        var tensors: [String: Tensor] = [:]
        for shape in [[], [0], [7], [2, 3], [2, 1, 3], [3, 0, 2]] {
            let count = shape.reduce(1, *) * dtype.byteSize
            tensors["\(dtype.rawValue.lowercased()).\(shape.map(String.init).joined(separator: "x"))"] =
                try Tensor(dtype: dtype, shape: shape, bytes: random.bytes(count))
        }
        return tensors
    }

    @Test(arguments: DType.allCases)
    func everyDTypeRoundTripsThroughEncodeAndDecode(dtype: DType) throws {
        let file = SafeTensorsFile(tensors: try Self.sampleTensors(dtype, seed: UInt64(dtype.layoutRank)), metadata: ["dtype": dtype.rawValue])
        let bytes = try SafeTensors.encode(file)
        #expect(try SafeTensors.decode(bytes) == file)
        #expect(try SafeTensors.encode(SafeTensors.decode(bytes)) == bytes)
    }

    @Test func allDTypesTogetherRoundTripThroughAFileWithAlignedData() throws {
        var tensors: [String: Tensor] = [:]
        for dtype in DType.allCases { tensors.merge(try Self.sampleTensors(dtype, seed: 99), uniquingKeysWith: { a, _ in a }) }
        let file = SafeTensorsFile(tensors: tensors, metadata: ["a": "1", "z": "quote \" backslash \\ newline \n tab \t bell \u{07} é"])
        let bytes = try SafeTensors.encode(file)
        #expect(try SafeTensors.decode(bytes) == file)

        // Widest dtypes first and an 8-aligned data section: every tensor starts aligned to its element size.
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16
        #expect(headerLength % 8 == 0)
        let header = String(decoding: bytes[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.contains(#"bell \u0007 é"#))
        #expect(header.contains(#"quote \" backslash \\ newline \n tab \t"#))

        let directory = try TestScratch("safetensors-all-dtypes")
        defer { directory.remove() }
        let url = directory.file("all.safetensors")
        try SafeTensors.write(file, to: url)
        #expect(try SafeTensors.read(from: url) == file)
    }

    @Test func encodingIsDeterministicWhateverTheInsertionOrder() throws {
        let a = try Tensor(float32: [1], shape: [1]), b = try Tensor(float64: [2], shape: [1])
        var first = SafeTensorsFile(), second = SafeTensorsFile()
        first.tensors["a"] = a; first.tensors["b"] = b; first.metadata = ["x": "1", "y": "2"]
        second.tensors["b"] = b; second.tensors["a"] = a; second.metadata = ["y": "2", "x": "1"]
        #expect(try SafeTensors.encode(first) == SafeTensors.encode(second))
    }

    @Test func typedValuesSurviveAFile() throws {
        let weights: [Float] = (0..<12).map { Float($0) * 0.25 - 1 }
        let file = SafeTensorsFile(tensors: [
            "policy.weight": try Tensor(float32: weights, shape: [3, 4]),
            "optimizer.step": try Tensor(int64: [123_456_789_012], shape: []),
            "value.bias": try Tensor(float64: [.nan, -1e-300], shape: [2]),
        ])
        let directory = try TestScratch("safetensors-typed")
        defer { directory.remove() }
        try SafeTensors.write(file, to: directory.file("c.safetensors"))
        let back = try SafeTensors.read(from: directory.file("c.safetensors"))
        #expect(try back.tensors["policy.weight"]?.float32Values() == weights)
        #expect(try back.tensors["optimizer.step"]?.int64Values() == [123_456_789_012])
        #expect(try back.tensors["value.bias"]?.float64Values()[1] == -1e-300)
        #expect(try back.tensors["value.bias"]?.float64Values()[0].isNaN == true)
    }
}
