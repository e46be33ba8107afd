import Daemon
import Foundation
import Testing
@testable import Operations

@Suite struct RunFormattingTests {
    @Test func alignPadsEveryColumnButTheLast() {
        #expect(RunFormatting.align([["a", "bb", "c"], ["ccc", "d", "e"]]) == "a    bb  c\nccc  d   e")
        #expect(RunFormatting.align([]) == "")
    }

    @Test func emptyListSaysSo() {
        #expect(RunFormatting.table([RunRecord]()) == "no runs")
        #expect(RunFormatting.table([SweepRecord]()) == "no sweeps")
    }
}

/// What `list` and `show` print cannot rewrite the terminal: a run name holding terminal escape
/// codes was printed raw. And a run whose process is gone (a killed `dratsd train`) says so
/// instead of showing `running` until a service starts.
extension RunFormattingTests {
    @Test func aRunningRunWhoseProcessIsGoneIsListedAsOrphaned() throws {
        var template = Array("/tmp/drats-orphan-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        let root = try #require(made.map { String(cString: $0) })
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = try RunStore(databasePath: root + "/runs.sqlite")
        let submission = RunSubmission(name: "evil\u{1b}]0;pwned\u{7}", configText: "x: 1\n", samplerName: "drats", seed: 1, totalEnvSteps: 100)
        // A finished child's pid: no process has it now (pids are not reused this quickly).
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        let gone = RunOwner(pid: child.processIdentifier, bootID: RunOwner.currentBootID(), leaseToken: "gone")
        let orphan = try store.submitRunning(submission, owner: gone)
        let alive = try store.submitRunning(submission, owner: RunOwner.current())
        #expect(try store.run(id: orphan.id).isOrphaned)
        #expect(!(try store.run(id: alive.id).isOrphaned))
        let table = RunFormatting.table(try store.list())
        #expect(table.contains("orphaned") && table.contains("running"))
        #expect(!table.contains("\u{1b}") && table.contains("evil\\u{1B}]0;pwned\\u{7}"))
    }
}
