import Dispatch
import Foundation
import Testing
import TestScratch
@testable import RunConfiguration

/// What `RunConfig.load(file:)` refuses before parsing: not a regular file, too large, empty,
/// not UTF-8 (the malformed-config corpus, in process; `MalformedConfigCorpusTests` runs it through
/// `dratsd submit`).
@Suite struct ConfigFileTests {
    final class Folder: Sendable {
        /// Removed with this folder.
        private let directory: TestScratch
        var url: URL { directory.url }
        init() throws { directory = try TestScratch("config-file") }

        func file(_ name: String, _ bytes: [UInt8]) throws -> String {
            let path = url.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    /// The reason `load(file:)` gives for `path`, or nil when it loads.
    func reason(_ path: String) -> String? {
        do {
            _ = try RunConfig.load(file: path)
            return nil
        } catch {
            guard case let .unreadable(file, reason) = error else { return "not unreadable: \(error)" }
            #expect(file == path)
            return reason
        }
    }

    /// Files whose bytes are not a config's text, with what the reason must say.
    static let badBytes: [(name: String, bytes: [UInt8], expected: String)] = {
        let text: [UInt8] = Array("run: {}\n".utf8)
        var cases: [(name: String, bytes: [UInt8], expected: String)] = []
        cases.append(("utf16le.yaml", [0xFF, 0xFE] + text.flatMap { [$0, 0] }, "it is UTF-16 text"))
        cases.append(("utf16be.yaml", [0xFE, 0xFF] + text.flatMap { [0, $0] }, "it is UTF-16 text"))
        cases.append(("utf32le.yaml", [0xFF, 0xFE, 0, 0] + text.flatMap { [$0, 0, 0, 0] }, "it is UTF-32 text"))
        cases.append(("latin1.yaml", Array("run: {name: caf".utf8) + [0xE9] + Array("}\n".utf8),
                      "it is not UTF-8 text: byte 15 (line 1, column 16) is 0xE9"))
        cases.append(("truncated.yaml", Array("run:\n  name: x".utf8) + [0xE2, 0x82], "byte 14 (line 2, column 10) is 0xE2"))
        cases.append(("overlong.yaml", Array("a: ".utf8) + [0xC0, 0xAF], "byte 3 (line 1, column 4) is 0xC0"))
        cases.append(("nul.yaml", Array("run:\n  seed: 1".utf8) + [0] + Array("2\n".utf8), "it has a NUL byte at line 2, column 10 (byte 14)"))
        cases.append(("empty.yaml", [], "it is empty; for the paper's MT10 settings write {} in it"))
        cases.append(("blank.yaml", Array(" \n\t\n\n".utf8), "it is empty"))
        return cases
    }()

    @Test(arguments: badBytes.indices)
    func badBytesAreRefusedWithWhereAndWhat(index: Int) throws {
        let (name, bytes, expected) = Self.badBytes[index]
        let folder = try Folder()
        let path = try folder.file(name, bytes)
        let found = reason(path)
        #expect(found?.contains(expected) == true, "\(String(describing: found))")
    }

    @Test func aByteOrderMarkBeforeUTF8IsDropped() throws {
        let folder = try Folder()
        let config = try RunConfig.load(file: try folder.file("bom.yaml", [0xEF, 0xBB, 0xBF] + Array("run: {seed: 5}\n".utf8)))
        #expect(config.run.seed == 5)
    }

    @Test func aFileAboveOneMebibyteIsRefusedUnread() throws {
        let folder = try Folder()
        let limit = RunConfig.Limits.fileBytes
        let atLimit = try folder.file("at.yaml", Array("run: {seed: 5}\n".utf8) + Array(repeating: UInt8(ascii: "#"), count: limit - 15))
        #expect(reason(atLimit) == nil)
        let above = try folder.file("above.yaml", Array(repeating: UInt8(ascii: " "), count: limit + 1))
        #expect(reason(above) == "it is 1048577 bytes; a run config may be at most 1 MiB (1048576 bytes)")
    }

    /// A FIFO with no writer would block a plain open forever: it is refused at once.
    @Test func aFIFOADirectoryAndADeviceAreNotFiles() throws {
        let folder = try Folder()
        let fifo = folder.url.appendingPathComponent("fifo.yaml").path
        try #require(mkfifo(fifo, 0o644) == 0)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var found: String?
        DispatchQueue.global().async {
            found = reason(fifo)
            done.signal()
        }
        try #require(done.wait(timeout: .now() + 10) == .success, "reading a FIFO did not return")
        #expect(found == "it is a FIFO (named pipe), not a file; name a YAML file")
        #expect(reason(folder.url.path) == "it is a directory, not a file; name a YAML file")
        #expect(reason("/dev/null") == "it is a device, not a file; name a YAML file")
    }

    @Test func missingPathsSayWhy() throws {
        let folder = try Folder()
        #expect(reason(folder.url.appendingPathComponent("nope.yaml").path) == "no such file")
        let file = try folder.file("plain.yaml", Array("{}\n".utf8))
        #expect(reason(file + "/inner.yaml") == "a part of its path is not a directory")
        let loop = folder.url.appendingPathComponent("loop.yaml").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        #expect(reason(loop) == "too many levels of symbolic links")
    }
}
