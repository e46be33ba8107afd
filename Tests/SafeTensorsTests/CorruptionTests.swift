import Foundation
import Testing
import TestScratch
@testable import SafeTensors

/// Damaged files never decode into tensors: every truncation and every changed byte is caught.
@Suite struct CorruptionTests {
    static func sealedSample() throws -> [UInt8] {
        try Checksum.seal(SafeTensorsFile(
            tensors: [
                "w": try Tensor(float32: [1, 2, 3], shape: [3]),
                "n": try Tensor(int64: [5], shape: []),
                "e": try Tensor(float64: [], shape: [0]),
            ],
            metadata: ["run": "toy"]))
    }

    @Test func truncationAtEveryByteBoundaryIsReportedAsTruncated() throws {
        let bytes = try Self.sealedSample()
        #expect(try Checksum.open(bytes, path: "c", requireChecksum: true).tensors.count == 3)
        for cut in 0..<bytes.count {
            let error = safeTensorsError { _ = try Checksum.open(Array(bytes[..<cut]), path: "c", requireChecksum: true) }
            guard case let .inFile(path, .truncated(_, needed, available)) = error else {
                Issue.record("cut at \(cut): expected a truncation error, got \(String(describing: error))")
                continue
            }
            #expect(path == "c" && available == cut && needed > cut)
            #expect(error?.description.contains("truncated") == true)
        }
    }

    @Test func truncatedFileOnDiskSaysTruncated() throws {
        let directory = try TestScratch("safetensors-truncated")
        defer { directory.remove() }
        let url = directory.file("c.safetensors")
        try Data(try Self.sealedSample().dropLast(5)).write(to: url)
        let error = safeTensorsError { _ = try SafeTensors.read(from: url) }
        #expect(error?.description.contains("checkpoint \(url.path) is corrupt or not a safetensors file: truncated") == true)
    }

    @Test func everyFlippedByteAndEveryFlippedBitIsRejected() throws {
        let bytes = try Self.sealedSample()
        let headerEnd = 8 + bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        for index in bytes.indices {
            for mask in [0xFF, 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80] as [UInt8] {
                var damaged = bytes
                damaged[index] ^= mask
                let error = safeTensorsError { _ = try Checksum.open(damaged, path: "c", requireChecksum: true) }
                #expect(error != nil, "byte \(index) ^ \(mask) was accepted")
                if index >= headerEnd, case .checksumMismatch = error {} else if index >= headerEnd {
                    Issue.record("data byte \(index) ^ \(mask): expected a checksum mismatch, got \(String(describing: error))")
                }
            }
        }
    }

    @Test func checksumMismatchMessageTellsTheUserWhatToDo() throws {
        let directory = try TestScratch("safetensors-mismatch")
        defer { directory.remove() }
        let url = directory.file("step-100.safetensors")
        var bytes = try Self.sealedSample()
        bytes[bytes.count - 1] ^= 0x40
        try Data(bytes).write(to: url)
        let error = safeTensorsError { _ = try SafeTensors.read(from: url) }
        #expect(error?.description.hasPrefix("checkpoint \(url.path) is corrupt: checksum mismatch (stored crc32c:") == true)
        #expect(error?.description.hasSuffix("use the previous checkpoint") == true)
    }

    @Test func missingOrMalformedChecksumIsRejectedUnlessAllowed() throws {
        let plain = try SafeTensors.encode(SafeTensorsFile(tensors: ["w": try Tensor(float32: [1], shape: [1])]))
        #expect(safeTensorsError { _ = try Checksum.open(plain, path: "p", requireChecksum: true) }
            == .checksumMissing(path: "p", reason: "no drats.checksum metadata"))
        #expect(try Checksum.open(plain, path: "p", requireChecksum: false).tensors.count == 1)

        let malformed = try SafeTensors.encode(SafeTensorsFile(metadata: ["drats.checksum": "crc32c:ABCDEF01"]))
        #expect(safeTensorsError { _ = try Checksum.open(malformed, path: "p", requireChecksum: false) }?
            .description.contains("is not 'crc32c:' followed by 8 lowercase hex digits") == true)
    }

    @Test func sealedBytesKeepTheReferenceLayoutAndDecodeWithTheChecksumVisible() throws {
        let bytes = try Self.sealedSample()
        let raw = try SafeTensors.decode(bytes)
        #expect(raw.metadata["run"] == "toy")
        let stored = try #require(raw.metadata["drats.checksum"])
        #expect(stored.hasPrefix("crc32c:") && stored.count == 15)
        #expect(try Checksum.open(bytes, path: "c", requireChecksum: true).metadata == ["run": "toy"])
    }
}
