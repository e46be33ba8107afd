import FileIO
import Foundation
import Testing
import TestScratch

@Suite struct LineAppenderTests {
    private func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>"
    }

    @Test func appendsLinesAndReadsThemBack() throws {
        let temp = try TestScratch("file-io")
        defer { temp.remove() }
        let path = temp.path + "/metrics.jsonl"
        let appender = try LineAppender(path: path)
        #expect(appender.repairedTornBytes == 0)
        try appender.append(#"{"charts/steps":1}"#)
        try appender.append("")
        try appender.append("ünïcode ✓")
        try appender.sync()
        #expect(contents(path) == "{\"charts/steps\":1}\n\nünïcode ✓\n")
        #expect(throws: FileIOError.lineContainsNewline(path: path)) { try appender.append("two\nlines") }
        try appender.close()
        #expect(throws: FileIOError.self) { try appender.append("after close") }
        let (lines, next) = try LineReader.completeLines(path: path)
        #expect(lines == [#"{"charts/steps":1}"#, "", "ünïcode ✓"])
        #expect(next == Int64(contents(path).utf8.count))
    }

    @Test func aTornLastLineIsSkippedOnReadAndCutBeforeTheNextAppend() throws {
        let temp = try TestScratch("file-io")
        defer { temp.remove() }
        let path = temp.path + "/train.log"
        try Data("iter 1\niter 2\niter 3 (tor".utf8).write(to: URL(fileURLWithPath: path))
        let read = try LineReader.completeLines(path: path)
        #expect(read.lines == ["iter 1", "iter 2"])
        #expect(read.nextOffset == 14)

        let appender = try LineAppender(path: path)
        #expect(appender.repairedTornBytes == 11)
        try appender.append("iter 3")
        try appender.sync()
        #expect(contents(path) == "iter 1\niter 2\niter 3\n")
    }

    @Test func tornTailsLongerThanAReadChunkAndFilesWithNoNewlineAtAll() throws {
        let temp = try TestScratch("file-io")
        defer { temp.remove() }
        let long = temp.path + "/long.log"
        try Data(("first\n" + String(repeating: "x", count: 10_000)).utf8).write(to: URL(fileURLWithPath: long))
        #expect(try LineAppender(path: long).repairedTornBytes == 10_000)
        #expect(contents(long) == "first\n")

        let none = temp.path + "/none.log"
        try Data("no newline here".utf8).write(to: URL(fileURLWithPath: none))
        #expect(try LineReader.completeLines(path: none).lines.isEmpty)
        #expect(try LineAppender(path: none).repairedTornBytes == 15)
        #expect(contents(none) == "")

        let empty = temp.path + "/empty.log"
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(try LineReader.completeLines(path: empty) == ([], 0))
        #expect(try LineAppender(path: empty).repairedTornBytes == 0)
    }

    @Test func followingAFileFromAnOffset() throws {
        let temp = try TestScratch("file-io")
        defer { temp.remove() }
        let path = temp.path + "/train.log"
        let appender = try LineAppender(path: path)
        try appender.append("a")
        var (lines, offset) = try LineReader.completeLines(path: path)
        #expect(lines == ["a"])
        // Half a line arrives: not reported until it is complete.
        let raw = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try raw.seekToEnd()
        try raw.write(contentsOf: Data("b-par".utf8))
        (lines, offset) = try LineReader.completeLines(path: path, from: offset)
        #expect(lines.isEmpty && offset == 2)
        try raw.write(contentsOf: Data("t\nc\n".utf8))
        try raw.close()
        (lines, offset) = try LineReader.completeLines(path: path, from: offset)
        #expect(lines == ["b-part", "c"] && offset == 11)
        #expect(throws: FileIOError.self) { try LineReader.completeLines(path: path, from: -1) }
        #expect(throws: FileIOError.self) { try LineReader.completeLines(path: temp.path + "/missing.log") }
    }

    @Test func aFullDeviceIsDiskFull() throws {
        // /dev/full fails every write with ENOSPC.
        let appender = try LineAppender(path: "/dev/full")
        #expect(throws: FileIOError.systemCall(.write, path: "/dev/full", errno: ENOSPC)) { try appender.append("lost") }
    }
}
