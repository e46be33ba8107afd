import ChildProcess
import Foundation
import Testing

/// Run names with terminal escape codes (issue 19, item 6): `submit` refuses new ones, and a run
/// stored before names were checked has its name escaped wherever the service prints it.
extension ServeTests {
    @Test func submitRefusesANameWithEscapeCodesAndTheServiceEscapesAStoredOne() throws {
        let scratch = try Scratch()
        let refused = try scratch.dratsd(["submit", try scratch.config("evil.yaml", "run: {name: \"evil\\e[2J\"}\n")])
        #expect(refused.status == 1 && refused.stderr.contains("run.name: is 'evil\\u{1B}[2J' (it holds U+001B, a control character)"),
                "\(refused.stderr)")
        #expect(!refused.stderr.contains("\u{1B}"))

        // A run registered before the check: its name rewritten in the database as it was then.
        let id = try submit(scratch, "plain", iterations: 2)
        _ = try ChildProcess.pythonOutput("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("UPDATE run SET name = ? WHERE id = ?", ("evil\\x1b]0;pwned\\x07\\u202e", sys.argv[2]))
            db.commit()
            """, [scratch.root.appendingPathComponent("state/dratsd.sqlite").path, id])
        let serve = try ServeProcess(stateDir: scratch.stateDir)
        #expect(try waitUntil(timeout: 60) { try state(scratch, id) == "completed" }, "log: \(serve.log)")
        serve.send(SIGTERM)
        #expect(serve.waitForExit(timeout: 20) == 0)
        #expect(serve.log.contains("started run \(id) (evil\\u{1B}]0;pwned\\u{7}\\u{202E}, attempt 1"), "log: \(serve.log)")
        #expect(!serve.log.contains("\u{1B}") && !serve.log.contains("\u{202E}"), "log: \(serve.log.debugDescription)")
        let listed = try scratch.dratsd(["list"])
        #expect(listed.stdout.contains("evil\\u{1B}]0;pwned\\u{7}\\u{202E}") && !listed.stdout.contains("\u{1B}"), "\(listed.stdout)")
    }
}
