import FileIO
import Foundation
import Testing
import TestScratch

@Suite struct AtomicFileTests {
    @Test func writesReplacesAndLeavesNoTemporaryFiles() throws {
        let temp = try TestScratch("file-io")
        defer { temp.remove() }
        let path = temp.path + "/config.yaml"
        #expect(try FileContents.read(path) == nil)
        try AtomicFile.write(text: "first\n", to: path)
        try AtomicFile.write([1, 2, 3, 0, 255], to: path)
        #expect(try FileContents.read(path) == [1, 2, 3, 0, 255])
        try AtomicFile.write([], to: path)
        #expect(try FileContents.read(path) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["config.yaml"])
    }

    @Test func aMissingDirectoryIsAnIOErrorNamingThePath() {
        let path = "/tmp/dratsd-no-such-dir-\(getpid())/x.yaml"
        do {
            try AtomicFile.write(text: "x", to: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(path))
            #expect(error.description.contains("No such file or directory"))
        }
    }

    /// A real full file system: a 64 KiB tmpfs (mounting needs root, as CI has).
    @Test(.enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func aFullDiskIsDiskFullAndKeepsTheOldFile() throws {
        let temp = try TestScratch("file-io")
        defer { temp.remove() }
        let mountPoint = temp.path + "/small"
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        try #require(mount("tmpfs", mountPoint, "tmpfs", 0, "size=64k") == 0, "mount tmpfs: errno \(errno)")
        defer { umount2(mountPoint, Int32(MNT_DETACH)) }

        let path = mountPoint + "/checkpoint.bin"
        let old = [UInt8](repeating: 7, count: 20_000)
        try AtomicFile.write(old, to: path)
        let error = #expect(throws: FileIOError.self) {
            try AtomicFile.write([UInt8](repeating: 9, count: 200_000), to: path)
        }
        #expect(error?.isDiskFull == true)
        #expect(error?.description.contains("free disk space") == true)
        #expect(try FileContents.read(path) == old)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mountPoint) == ["checkpoint.bin"])

        // The line appender also rolls back a partial line when the disk fills.
        let log = mountPoint + "/train.log"
        let appender = try LineAppender(path: log)
        try appender.append("kept")
        #expect(throws: FileIOError.systemCall(.write, path: log, errno: ENOSPC)) { try appender.append(String(repeating: "z", count: 100_000)) }
        #expect(try LineReader.completeLines(path: log).lines == ["kept"])
        #expect(try FileContents.read(log)?.count == 5)
    }
}
