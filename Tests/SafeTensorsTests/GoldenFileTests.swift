import Foundation
import Testing
@testable import SafeTensors

/// A file whose every byte is spelled out by hand, so other tools can be checked against it
/// (the same bytes are committed as `golden.safetensors`; the reference Python package produces them too).
enum Golden {
    /// 209 bytes of JSON. Layout order is the reference's: I64 before F32 before U8 (widest dtype
    /// first), so `step` takes data bytes [0, 8), `weight` (4 floats) [8, 24), `flags` (3 bytes) [24, 27).
    static let headerJSON =
        #"{"__metadata__":{"format":"drats"},"#
        + #""step":{"dtype":"I64","shape":[],"data_offsets":[0,8]},"#
        + #""weight":{"dtype":"F32","shape":[2,2],"data_offsets":[8,24]},"#
        + #""flags":{"dtype":"U8","shape":[3],"data_offsets":[24,27]}}"#

    static var bytes: [UInt8] {
        // 209 + 7 spaces of padding = 216 = 0xD8, a multiple of 8.
        let lengthPrefix: [UInt8] = [0xD8, 0, 0, 0, 0, 0, 0, 0]
        let padding = [UInt8](repeating: 0x20, count: 7)
        let step: [UInt8] = [0x07, 0, 0, 0, 0, 0, 0, 0]  // Int64 7
        let weight: [UInt8] = [
            0x00, 0x00, 0x80, 0x3F,  // 1.0   = 0x3F800000
            0x00, 0x00, 0x00, 0xC0,  // -2.0  = 0xC0000000
            0x00, 0x00, 0x00, 0x3F,  // 0.5   = 0x3F000000
            0x00, 0x00, 0x50, 0x40,  // 3.25  = 0x40500000
        ]
        let flags: [UInt8] = [0x01, 0x00, 0xFF]
        return lengthPrefix + Array(headerJSON.utf8) + padding + step + weight + flags
    }

    static var file: SafeTensorsFile {
        SafeTensorsFile(
            tensors: [
                "step": try! Tensor(int64: [7], shape: []),
                "weight": try! Tensor(float32: [1, -2, 0.5, 3.25], shape: [2, 2]),
                "flags": try! Tensor(values: [UInt8(1), 0, 255], shape: [3]),
            ],
            metadata: ["format": "drats"])
    }

    static let committedURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("golden.safetensors")
}

@Suite struct GoldenFileTests {
    @Test func handWrittenHeaderHasTheLengthComputedByHand() {
        #expect(Golden.headerJSON.utf8.count == 209)
        #expect(Golden.bytes.count == 8 + 216 + 27)
    }

    @Test func goldenBytesDecodeToTheExpectedTensors() throws {
        let file = try SafeTensors.decode(Golden.bytes)
        #expect(file == Golden.file)
        #expect(try file.tensors["step"]?.int64Values() == [7])
        #expect(file.tensors["step"]?.shape == [])
        #expect(try file.tensors["weight"]?.float32Values() == [1, -2, 0.5, 3.25])
        #expect(try file.tensors["flags"]?.values(as: UInt8.self) == [1, 0, 255])
        #expect(file.metadata == ["format": "drats"])
    }

    @Test func encodeReproducesTheGoldenBytesExactly() throws {
        #expect(try SafeTensors.encode(Golden.file) == Golden.bytes)
    }

    @Test func committedGoldenFileMatchesTheHandWrittenBytes() throws {
        let committed = [UInt8](try Data(contentsOf: Golden.committedURL))
        #expect(committed == Golden.bytes)
    }
}
