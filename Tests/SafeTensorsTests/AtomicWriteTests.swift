import FileIO
import Foundation
import Testing
import TestScratch
@testable import SafeTensors

@Suite struct AtomicWriteTests {
    static let old = SafeTensorsFile(tensors: ["w": try! Tensor(float32: [1, 2], shape: [2])], metadata: ["step": "1"])
    static let new = SafeTensorsFile(tensors: ["w": try! Tensor(float32: [3, 4, 5, 6], shape: [2, 2])], metadata: ["step": "2"])

    @Test func writeReplacesTheFileAndLeavesNoTemporaryFiles() throws {
        let directory = try TestScratch("safetensors-replace")
        defer { directory.remove() }
        let url = directory.file("latest.safetensors")
        try SafeTensors.write(Self.old, to: url)
        #expect(try SafeTensors.read(from: url) == Self.old)
        try SafeTensors.write(Self.new, to: url)
        #expect(try SafeTensors.read(from: url) == Self.new)
        #expect(directory.contents == ["latest.safetensors"])
    }

    @Test func theWrittenFileCarriesItsChecksumAndReadRemovesIt() throws {
        let directory = try TestScratch("safetensors-checksum")
        defer { directory.remove() }
        let url = directory.file("c.safetensors")
        var withStaleChecksum = Self.old
        withStaleChecksum.metadata["drats.checksum"] = "crc32c:00000000"
        try SafeTensors.write(withStaleChecksum, to: url)
        let raw = try SafeTensors.decode([UInt8](Data(contentsOf: url)))
        #expect(raw.metadata["drats.checksum"] != "crc32c:00000000")
        #expect(raw.metadata["drats.checksum"]?.hasPrefix("crc32c:") == true)
        #expect(try SafeTensors.read(from: url) == Self.old)
    }

    @Test func noSpaceLeftKeepsTheOldFileAndRemovesTheTemporaryFile() throws {
        let directory = try TestScratch("safetensors-enospc")
        defer { directory.remove() }
        let url = directory.file("c.safetensors")
        try SafeTensors.write(Self.old, to: url)
        let before = try Data(contentsOf: url)

        // The disk fills up after 16 bytes: the first call writes them, the next fails like write(2) does.
        let bytes = try Checksum.seal(Self.new)
        let fillingDisk: FileDescriptorIO.WriteCall = { [total = bytes.count] descriptor, buffer in
            guard buffer.count == total else { return (-1, ENOSPC) }
            return FileDescriptorIO.systemWrite(descriptor, UnsafeRawBufferPointer(rebasing: buffer[..<16]))
        }
        let error = safeTensorsError {
            try SafeTensors.writeBytes(bytes, to: url.path, writeCall: fillingDisk)
        }
        guard case let .writeFailed(path, operation, code, _) = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
        #expect(path == url.path && code == ENOSPC)
        #expect(operation.contains("after 16 of"))
        #expect(error?.description.contains("No space left on device") == true)
        #expect(error?.description.contains("the previous file at that path (if any) is unchanged and the temporary file was removed") == true)
        #expect(try Data(contentsOf: url) == before)
        #expect(directory.contents == ["c.safetensors"])
    }

    @Test func aWriterThatMakesNoProgressFailsInsteadOfLooping() throws {
        let directory = try TestScratch("safetensors-stall")
        defer { directory.remove() }
        let url = directory.file("c.safetensors")
        let error = safeTensorsError {
            try SafeTensors.writeBytes([1, 2, 3], to: url.path) { _, _ in (0, 0) }
        }
        #expect({ if case .writeFailed(_, _, EIO, _) = error { true } else { false } }())
        #expect(directory.contents.isEmpty)
    }

    @Test func renameOntoADirectoryFailsCleanly() throws {
        let directory = try TestScratch("safetensors-rename")
        defer { directory.remove() }
        let url = directory.file("occupied")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        let error = safeTensorsError { try SafeTensors.write(Self.new, to: url) }
        #expect(error?.description.contains("rename of") == true)
        #expect(error?.description.contains("temporary file was removed") == true)
        #expect(directory.contents == ["occupied"])
    }

    @Test func writingIntoAMissingDirectoryNamesThePath() throws {
        let directory = try TestScratch("safetensors-missing")
        defer { directory.remove() }
        let url = directory.url.appendingPathComponent("no-such-dir/c.safetensors")
        let error = safeTensorsError { try SafeTensors.write(Self.new, to: url) }
        #expect(error?.description.contains("cannot write \(url.path): create temporary file") == true)
        #expect(error?.description.contains("No such file or directory") == true)
    }

    @Test func readingAMissingFileOrADirectoryNamesThePath() throws {
        let directory = try TestScratch("safetensors-read-missing")
        defer { directory.remove() }
        let missing = directory.file("absent.safetensors")
        #expect(safeTensorsError { _ = try SafeTensors.read(from: missing) }?.description
            == "cannot read \(missing.path): open failed: No such file or directory (errno \(ENOENT))")
        #expect(safeTensorsError { _ = try SafeTensors.read(from: directory.url) }?.description.contains("not a regular file") == true)
    }

    @Test func concurrentWritersEachLeaveACompleteFile() async throws {
        let directory = try TestScratch("safetensors-concurrent")
        defer { directory.remove() }
        let url = directory.file("c.safetensors")
        let candidates = try (0..<8).map { index in
            SafeTensorsFile(tensors: ["w": try Tensor(float32: [Float](repeating: Float(index), count: 1000), shape: [1000])])
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for file in candidates { group.addTask { try SafeTensors.write(file, to: url) } }
            try await group.waitForAll()
        }
        #expect(candidates.contains(try SafeTensors.read(from: url)))
        #expect(directory.contents == ["c.safetensors"])
    }
}
