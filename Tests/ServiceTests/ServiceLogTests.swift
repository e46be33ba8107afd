import Foundation
import Service
import Testing

@Suite struct ServiceLogTests {
    @Test func oneLinePerEventEvenFromManyThreads() {
        let lock = NSLock()
        nonisolated(unsafe) var written: [String] = []
        let log = ServiceLog { line in lock.withLock { written.append(line) } }
        log.event("started run r-1\nwith 2 threads")
        #expect(written == ["dratsd serve: started run r-1 with 2 threads\n"])
        DispatchQueue.concurrentPerform(iterations: 50) { index in log.event("event \(index)") }
        #expect(written.count == 51)
        #expect(written.allSatisfy { $0.hasPrefix("dratsd serve: ") && $0.filter { $0 == "\n" }.count == 1 })
    }
}

extension ServiceLogTests {
    @Test func eventsAlsoGoToServeLogInTheLogsDirectorySystemdGives() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dratsd-servelog-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = ServiceLog(environment: ["LOGS_DIRECTORY": directory.path])
        log.event("ready")
        log.event("started run r-1")
        let text = try String(contentsOf: directory.appendingPathComponent("serve.log"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasSuffix(" dratsd serve: ready") == true)
        #expect(lines.last?.hasSuffix(" dratsd serve: started run r-1") == true)
        // Each line starts with a UTC timestamp such as 2026-11-26T01:30:00Z.
        #expect(lines.allSatisfy { $0.prefix(20).last == "Z" && $0.dropFirst(20).first == " " }, "\(text)")
    }
}
