import ChildProcess
import Foundation
import Testing

/// Every case of `MalformedConfig.all` through the real `dratsd submit`, against one state
/// directory: each exits 1 (refused, not crashed) within 5 s with a short message naming the
/// file and the key, nothing is queued, and the run database passes SQLite's integrity check
/// afterwards: nothing a user submits may wedge, crash or corrupt the service.
@Suite struct MalformedConfigCorpusTests {
    /// The CLI tests' scratch folder (state directory and config files, removed at the end).
    typealias Scratch = RunCommandsTests.Scratch

    /// What one `submit` did.
    struct Outcome: Sendable {
        var item: MalformedConfig
        var path: String
        var result: ChildProcess.Output
    }

    /// The deadline each case must exit by; a refused config takes tens of milliseconds.
    static let deadline = 5.0

    @Test func everyMalformedConfigIsRefusedQuicklyAndTheDatabaseStaysSound() throws {
        let scratch = try Scratch()
        let cases = MalformedConfig.all
        try #require(Set(cases.map(\.name)).count == cases.count, "case names must be unique")
        // Create the database once, so the concurrent submits below only open it.
        let list = try DratsdBinary.run(["list", "--state-dir", scratch.stateDir])
        try #require(list.status == 0, "\(list.stderr)")

        let paths = try cases.map { try scratch.materialize($0) }
        let started = ContinuousClock.now
        let outcomes = Locked<[Outcome?]>(Array(repeating: nil, count: cases.count))
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let result = (try? ChildProcess.run(DratsdBinary.url, ["submit", paths[index], "--state-dir", scratch.stateDir],
                                                stdin: "", killAfter: Self.deadline))
                ?? ChildProcess.Output(status: -1, stdout: "", stderr: "could not start dratsd")
            outcomes.update { $0[index] = Outcome(item: cases[index], path: paths[index], result: result) }
        }
        let elapsed = ContinuousClock.now - started

        for outcome in outcomes.value.compactMap({ $0 }) {
            let (item, result) = (outcome.item, outcome.result)
            let context = "\(item.name) (\(item.kind.rawValue)): status \(result.status), stderr: \(result.stderr.prefix(1_000))"
            #expect(!result.timedOut, "still running after \(Self.deadline) s: \(context)")
            // 1 is ArgumentParser's exit for a thrown error; a crash exits with its signal.
            #expect(result.status == 1, "\(context)")
            #expect(result.stdout.isEmpty, "\(item.name) printed: \(result.stdout.prefix(300))")
            #expect(result.stderr.utf8.count < 10_000, "\(item.name): \(result.stderr.utf8.count) bytes of messages")
            for text in [outcome.path] + (item.key.map { [$0] } ?? []) + item.says {
                #expect(result.stderr.contains(text), "missing '\(text)': \(context)")
            }
        }
        #expect(outcomes.value.allSatisfy { $0 != nil })

        let tally = Dictionary(grouping: cases, by: \.kind).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
        print("malformed configs: \(cases.count) cases (\(tally.joined(separator: ", "))) refused in \(elapsed)")

        let listed = try DratsdBinary.run(["list", "--json", "--state-dir", scratch.stateDir])
        let runs = (try? JSONSerialization.jsonObject(with: Data(listed.stdout.utf8))) as? [Any]
        #expect(listed.status == 0 && runs?.isEmpty == true, "nothing may be queued: \(listed.stdout.prefix(500))")
        let integrity = try ChildProcess.pythonOutput("""
            import sqlite3, sys
            print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchall())
            """, [scratch.root.appendingPathComponent("state/dratsd.sqlite").path])
        #expect(integrity.trimmingCharacters(in: .whitespacesAndNewlines) == "[('ok',)]")
    }

    /// Whether `dratsd` can run as user nobody here, which the unreadable-file case needs when
    /// the tests run as root (root reads any file whatever its mode).
    static let canRunAsNobody: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return false }
        let probe = try? ChildProcess.run(URL(fileURLWithPath: "/usr/bin/setpriv"),
                                          ["--reuid=65534", "--regid=65534", "--clear-groups", DratsdBinary.url.path, "--version"],
                                          stdin: "", killAfter: 30)
        return probe?.status == 0
    }()

    /// A file this user may not read. As root the file would be read whatever its mode, so the
    /// test then submits as user nobody (setpriv), with a state directory nobody owns.
    @Test(.enabled(if: geteuid() != 0 || canRunAsNobody, "as root this needs setpriv and a dratsd that user nobody can run"))
    func anUnreadableFileIsRefusedNamingThePermission() throws {
        let scratch = try Scratch()
        let path = try scratch.casePath("secret")
        try Data("run: {seed: 3}\n".utf8).write(to: URL(fileURLWithPath: path))
        try #require(chmod(path, 0o000) == 0)
        var command = [DratsdBinary.url.path, "submit", path, "--state-dir", scratch.stateDir]
        var uid = geteuid()
        if geteuid() == 0 {
            try FileManager.default.createDirectory(atPath: scratch.stateDir, withIntermediateDirectories: false)
            try #require(chown(scratch.stateDir, 65534, 65534) == 0)
            try #require(chmod(scratch.root.path, 0o755) == 0 && chmod(scratch.root.appendingPathComponent("cases").path, 0o755) == 0)
            command = ["--reuid=65534", "--regid=65534", "--clear-groups"] + command
            uid = 65534
        }
        let executable = geteuid() == 0 ? URL(fileURLWithPath: "/usr/bin/setpriv") : DratsdBinary.url
        let result = try ChildProcess.run(executable, geteuid() == 0 ? command : Array(command.dropFirst()), stdin: "", killAfter: Self.deadline)
        #expect(!result.timedOut)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(path): cannot read the config: permission denied; this user (uid \(uid)) needs read access"),
                "\(result.stderr)")
    }
}

/// A value shared by the corpus's worker threads.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

extension RunCommandsTests.Scratch {
    /// `cases/<name>.yaml` under the scratch folder, the folder created if missing.
    func casePath(_ name: String) throws -> String {
        let folder = root.appendingPathComponent("cases")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("\(name).yaml").path
    }

    /// Puts `item` in place and returns the path to submit.
    func materialize(_ item: MalformedConfig) throws -> String {
        let path = try casePath(item.name)
        switch item.contents {
        case let .text(text): try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        case let .bytes(bytes): try Data(bytes).write(to: URL(fileURLWithPath: path))
        case .directory: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .fifo: try #require(mkfifo(path, 0o644) == 0, "mkfifo \(path): errno \(errno)")
        case .missing: break
        case .symlinkLoop: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path)
        case .danglingSymlink: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: path + ".absent")
        case .underAFile:
            try Data("{}\n".utf8).write(to: URL(fileURLWithPath: path))
            return path + "/inner.yaml"
        case let .system(existing): return existing
        }
        return path
    }
}
