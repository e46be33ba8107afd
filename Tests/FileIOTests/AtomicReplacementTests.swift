import FileIO
import Foundation
import Testing
import TestScratch

/// The atomic writer's guarantees on a real file system: no temporary file left behind, links
/// replaced rather than written through, failures naming the step and keeping the old file.
@Suite struct AtomicReplacementTests {
    @Test func concurrentWritersEachLeaveACompleteFileAndNoTemporaryFile() async throws {
        let scratch = try TestScratch("atomic-concurrent")
        let path = scratch.path("state.bin")
        let candidates = (0..<8).map { [UInt8](repeating: UInt8($0), count: 100_000) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for bytes in candidates { group.addTask { try AtomicFile.write(bytes, to: path) } }
            try await group.waitForAll()
        }
        #expect(candidates.contains(try #require(try FileContents.read(path))))
        #expect(scratch.contents == ["state.bin"])
    }

    @Test func aSymbolicLinkAtTheTargetIsReplacedNotWrittenThrough() throws {
        let scratch = try TestScratch("atomic-symlink")
        let victim = scratch.path("victim")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: victim))
        let link = scratch.path("config.yaml")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)

        // Reading without following refuses the link; following it reads the target.
        #expect(throws: FileIOError.systemCall(.open, path: link, errno: ELOOP)) { try FileContents.read(link) }
        #expect(try FileContents.read(link, followingSymlinks: true) == Array("keep me".utf8))
        #expect(throws: FileIOError.systemCall(.openForAppending, path: link, errno: ELOOP)) { try LineAppender(path: link) }

        try AtomicFile.write(text: "new\n", to: link)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me")
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        #expect(try FileContents.read(link) == Array("new\n".utf8))
    }

    @Test func anInterruptedWriteIsRetriedAndAShortWriteContinued() throws {
        let scratch = try TestScratch("atomic-eintr")
        let path = scratch.path("c.bin")
        let bytes = [UInt8](repeating: 5, count: 10_000)
        // The operating system interrupts the first call and writes at most 1000 bytes per call after.
        let calls = Counter()
        try AtomicFile.write(bytes, to: path) { descriptor, buffer in
            if calls.increment() == 1 { return (-1, EINTR) }
            return FileDescriptorIO.systemWrite(descriptor, UnsafeRawBufferPointer(rebasing: buffer[..<min(1000, buffer.count)]))
        }
        #expect(try FileContents.read(path) == bytes)
        #expect(calls.value == 11)
        #expect(scratch.contents == ["c.bin"])
    }

    @Test func aFailedWriteKeepsTheOldFileNamesTheStepAndRemovesTheTemporaryFile() throws {
        let scratch = try TestScratch("atomic-enospc")
        let path = scratch.path("c.bin")
        try AtomicFile.write([1, 2, 3], to: path)
        let error = #expect(throws: FileIOError.self) {
            try AtomicFile.write([UInt8](repeating: 9, count: 100), to: path) { descriptor, buffer in
                buffer.count == 100 ? FileDescriptorIO.systemWrite(descriptor, UnsafeRawBufferPointer(rebasing: buffer[..<40])) : (-1, ENOSPC)
            }
        }
        guard case let .systemCall(.writeTemporary(temporary, written, total), errorPath, code) = error else {
            Issue.record("expected a failed temporary write, got \(String(describing: error))")
            return
        }
        #expect(errorPath == path && code == ENOSPC && written == 40 && total == 100)
        #expect(temporary.hasPrefix(scratch.path(".c.bin.tmp-")))
        #expect(error?.isDiskFull == true)
        #expect(error?.description.contains("free disk space") == true)
        #expect(try FileContents.read(path) == [1, 2, 3])
        #expect(scratch.contents == ["c.bin"])
    }

    @Test func readingADirectoryOrAMissingFile() throws {
        let scratch = try TestScratch("atomic-read")
        #expect(try FileContents.read(scratch.path("absent")) == nil)
        #expect(throws: FileIOError.notRegularFile(path: scratch.path)) { try FileContents.read(scratch.path) }
        #expect(FileIOError.notRegularFile(path: scratch.path).description.contains("give the path of a file"))
    }
}

/// Counts calls from the write seam (which must be Sendable).
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() -> Int { lock.withLock { count += 1; return count } }
    var value: Int { lock.withLock { count } }
}
