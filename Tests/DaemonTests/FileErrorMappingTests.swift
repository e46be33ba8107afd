import Daemon
import FileIO
import Foundation
import Testing

/// FileIO's errors reach daemon callers as the `DaemonError` cases and words they always had:
/// the service pauses a run on `diskFull`, and readers treat `.io(_, _, ENOENT)` as "not yet".
@Suite struct FileErrorMappingTests {
    @Test func aFullDeviceIsDiskFull() throws {
        // /dev/full fails every write with ENOSPC.
        let appender = try DaemonError.mapping { () throws(FileIOError) in try LineAppender(path: "/dev/full") }
        #expect(throws: DaemonError.diskFull(path: "/dev/full")) { try DaemonError.mapping { () throws(FileIOError) in try appender.append("lost") } }
        #expect(DaemonError(.systemCall(.fsync, path: "/x", errno: EDQUOT)) == .diskFull(path: "/x"))
    }

    @Test func aMissingDirectoryIsAnIOErrorNamingThePathInTheDaemonsWords() {
        let path = "/tmp/dratsd-no-such-dir-\(getpid())/x.yaml"
        #expect(throws: DaemonError.self) {
            try DaemonError.mapping { () throws(FileIOError) in try AtomicFile.write(text: "x", to: path) }
        }
        let error = DaemonError(.systemCall(.createTemporary("/tmp/t"), path: path, errno: ENOENT))
        #expect(error == .io(path: path, operation: "create temporary file for", errno: ENOENT))
        #expect(error.description == "create temporary file for \(path) failed: No such file or directory (errno \(ENOENT)).")
        #expect(DaemonError(.systemCall(.renameTemporary("/tmp/t"), path: path, errno: EISDIR))
            == .io(path: path, operation: "rename temporary file to", errno: EISDIR))
        #expect(DaemonError(.systemCall(.syncDirectory, path: "/tmp", errno: EIO)) == .io(path: "/tmp", operation: "fsync", errno: EIO))
    }

    @Test func lineAndReadErrorsKeepTheirCases() {
        #expect(DaemonError(.lineContainsNewline(path: "/l")) == .lineContainsNewline(path: "/l"))
        #expect(DaemonError(.negativeOffset(path: "/l", offset: -1)) == .invalidField(field: "offset", value: "-1", allowed: "an integer >= 0"))
        #expect(DaemonError(.notRegularFile(path: "/d")) == .io(path: "/d", operation: "read", errno: EISDIR))
        #expect(throws: DaemonError.io(path: "/no/such/file.log", operation: "open", errno: ENOENT)) {
            try DaemonError.mapping { () throws(FileIOError) in try LineReader.completeLines(path: "/no/such/file.log") }
        }
    }
}
